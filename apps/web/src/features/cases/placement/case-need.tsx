import { formatPence } from '@harbour/shared/format';
import { regionLabel } from '@harbour/shared/regions';
import { substanceLabel } from '@harbour/shared/substances';
import { Alert } from '../../../components/ui/alert';
import type { RouterOutputs } from '../../../lib/trpc';
import { fundingRouteLabels } from './placement-words';

type Match = RouterOutputs['clinics']['match'];

/** The primary substance first, marked, then the others. */
function substancesOf({ primarySubstance, substances }: Match['need']): string {
  const others = substances.filter((substance) => substance !== primarySubstance).map(substanceLabel);
  const all = primarySubstance ? [`${substanceLabel(primarySubstance)} (primary)`, ...others] : others;
  return all.length > 0 ? all.join(', ') : 'None recorded: no clinic is left out for what it treats';
}

/**
 * What the ranking assumed about the client, so the adviser can spot a gap (no region, no
 * budget) that is shaping the list, and put it right in the assessment or finances.
 */
export function CaseNeed({ need, hasAssessment }: Pick<Match, 'need' | 'hasAssessment'>) {
  const rows = [
    { label: 'Substances', value: substancesOf(need) },
    {
      label: 'Dual diagnosis',
      value: !hasAssessment ? 'Not known yet' : need.isDualDiagnosis ? 'Yes: only clinics that can treat a dual diagnosis' : 'No',
    },
    {
      label: 'Medically managed detox',
      value: !hasAssessment
        ? 'Not known yet'
        : need.needsMedicalDetox
          ? 'Needed: withdrawal could be medically dangerous'
          : 'Not needed on what is recorded',
    },
    {
      label: 'Funding route',
      value: need.fundingRoute && need.fundingRoute !== 'undecided' ? fundingRouteLabels[need.fundingRoute] : 'Not decided: no clinic is left out for funding',
    },
    { label: 'Budget', value: need.budgetMaxPence === null ? 'Not recorded: prices are shown, not scored' : `Up to ${formatPence(need.budgetMaxPence)} for the treatment` },
    { label: 'Region', value: need.region ? regionLabel(need.region) : 'Not recorded: distance is not scored or limited' },
  ];
  return (
    <div className="case-need">
      <h3>What this case needs</h3>
      {!hasAssessment && (
        <Alert tone="info">
          No assessment is saved yet, so matching uses only what is known: clinics are not checked for substances, dual diagnosis or detox. Save the
          assessment to match on those too.
        </Alert>
      )}
      <dl className="details">
        {rows.map((row) => (
          <div className="details__row" key={row.label}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
