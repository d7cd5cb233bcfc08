import { auditQuestions, includesAlcohol } from '@harbour/shared/assessment';
import { Controller } from 'react-hook-form';
import { ChoiceGroup } from '../../../components/ui/choice-group';
import { auditText, useFilledSubstances, useLiveAudit, type AssessmentControl } from './use-live-assessment';

/** The AUDIT, asked only when alcohol is among the substances, with its score as it is answered. */
export function AuditQuestions({ control }: { control: AssessmentControl }) {
  const audit = useLiveAudit(control);
  const hasAlcohol = includesAlcohol(useFilledSubstances(control));
  // Answers stay in the form while alcohol is out of the list, in case it was removed by mistake.
  if (!hasAlcohol) return null;
  return (
    <section className="assessment-part" aria-labelledby="assessment-audit-heading">
      <h3 id="assessment-audit-heading">Alcohol: AUDIT</h3>
      <p className="assessment-live" role="status" aria-live="polite">
        {auditText(audit)}
      </p>
      <p className="assessment-part__intro">Bands: lower risk 0 to 7, increasing risk 8 to 15, higher risk 16 to 19, possible dependence 20 or more.</p>
      {auditQuestions.map((question) => (
        <Controller
          key={question.id}
          control={control}
          name={`audit.${question.id}`}
          render={({ field, fieldState }) => (
            // Scores are numbers; the radios hold them as text.
            <ChoiceGroup<string>
              legend={question.question}
              type="radio"
              isInline
              name={field.name}
              options={question.options.map((option) => ({ value: String(option.score), label: option.label }))}
              value={typeof field.value === 'number' ? String(field.value) : undefined}
              onChange={(value) => field.onChange(Number(value))}
              onBlur={field.onBlur}
              firstInputRef={field.ref}
              error={fieldState.error?.message}
            />
          )}
        />
      ))}
    </section>
  );
}
