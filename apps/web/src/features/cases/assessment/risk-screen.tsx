import {
  hasRiskyWithdrawalFrom,
  isInjectingIn,
  isRiskKnown,
  riskFactorLabels,
  riskLevelOf,
  suicidalThoughtsOptions,
  type RiskLevel,
  type RiskScreenAnswers,
} from '@harbour/shared/assessment';
import { substanceLabel } from '@harbour/shared/substances';
import { useEffect, useEffectEvent } from 'react';
import { useWatch } from 'react-hook-form';
import { FormChoiceGroup } from '../../../components/ui/form-choice-group';
import { RiskBadge } from '../../../components/case-badges';
import { useFilledSubstances, type AssessmentControl } from './use-live-assessment';
import { YesNoQuestion } from './yes-no-question';

export interface LiveRisk {
  /** Null until anything about risk is known: "not assessed", not "low". */
  level: RiskLevel | null;
  reasons: string[];
}

type YesNoFactor = Exclude<keyof RiskScreenAnswers, 'suicidalThoughts'>;
const yesNoFactors = (Object.keys(riskFactorLabels) as Array<keyof RiskScreenAnswers>).filter(
  (factor): factor is YesNoFactor => factor !== 'suicidalThoughts',
);

const names = (rows: ReadonlyArray<{ substance: string }>) => [...new Set(rows.map((row) => substanceLabel(row.substance)))].join(' and ');

/**
 * The risk screen, with the level and its reasons as the adviser answers. The level goes to
 * the page as it changes, so the crisis protocol shows the moment it applies.
 */
export function RiskScreen({ control, onLiveRisk }: { control: AssessmentControl; onLiveRisk: (risk: LiveRisk) => void }) {
  const substances = useFilledSubstances(control);
  const answers = useWatch({ control, name: 'risk' });
  const risk = riskLevelOf(answers, substances);
  const isKnown = isRiskKnown(answers, substances);
  const reportRisk = useEffectEvent(onLiveRisk);
  // Compared as text, so the page hears of a change, not of every keystroke.
  const reasons = risk.reasons.join('\n');
  useEffect(() => {
    reportRisk({ level: isKnown ? risk.level : null, reasons: reasons ? reasons.split('\n') : [] });
  }, [isKnown, risk.level, reasons]);

  // What the substance rows say cannot be undone by an answer here (riskLevelOf), so say so.
  const injected = substances.filter((row) => isInjectingIn([row]));
  const dailyRisky = substances.filter((row) => hasRiskyWithdrawalFrom([row]));
  const answeredBy: Partial<Record<YesNoFactor, string>> = {
    injecting: injected.length ? `Answered yes by the substances above: ${names(injected)} injected.` : undefined,
    riskyWithdrawal: dailyRisky.length ? `Answered yes by the substances above: ${names(dailyRisky)} every day.` : undefined,
  };

  return (
    <section className="assessment-part" aria-labelledby="assessment-risk-heading">
      <h3 id="assessment-risk-heading">Risk</h3>
      <div className="assessment-live" role="status" aria-live="polite">
        <p>
          Risk level: <RiskBadge level={isKnown ? risk.level : null} isLabelled={false} />
        </p>
        {risk.reasons.length > 0 && (
          <ul className="assessment-reasons">
            {risk.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        )}
      </div>
      <FormChoiceGroup control={control} name="risk.suicidalThoughts" legend={riskFactorLabels.suicidalThoughts}
        hint="Ask directly, for example: “Are you having thoughts of ending your life?” Asking does not put the idea in someone’s head."
        type="radio"
        options={suicidalThoughtsOptions} />
      {yesNoFactors.map((factor) => (
        <YesNoQuestion key={factor} control={control} name={`risk.${factor}`} legend={riskFactorLabels[factor]} answeredBy={answeredBy[factor]} />
      ))}
    </section>
  );
}
