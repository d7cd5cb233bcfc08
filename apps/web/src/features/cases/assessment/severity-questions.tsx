import { CRITERIA_INTRODUCTION, criteria } from '@harbour/shared/assessment';
import { severityText, useLiveSeverity, type AssessmentControl } from './use-live-assessment';
import { YesNoQuestion } from './yes-no-question';

/** The 11 DSM-5 criteria, with the band of those met so far. */
export function SeverityQuestions({ control }: { control: AssessmentControl }) {
  const severity = useLiveSeverity(control);
  return (
    <section className="assessment-part" aria-labelledby="assessment-severity-heading">
      <h3 id="assessment-severity-heading">Severity</h3>
      <p className="assessment-live" role="status" aria-live="polite">
        {severityText(severity)}
      </p>
      <p className="assessment-part__intro">{CRITERIA_INTRODUCTION}</p>
      {criteria.map((criterion) => (
        <YesNoQuestion key={criterion.id} control={control} name={`criteria.${criterion.id}`} legend={criterion.question} />
      ))}
    </section>
  );
}
