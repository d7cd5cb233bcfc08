import { acceptedFundingRouteOptions, serviceLabels } from '@harbour/shared/clinics';
import { labelsOf } from '@harbour/shared/options';
import { regionLabel } from '@harbour/shared/regions';
import type { ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { bedsOf, lengthsOf, ratingOf, weeklyRangeOf, type ClinicMatch } from './placement-words';
import { MAX_SCORE } from './ranked-clinic';

const fundingLabels = labelsOf(acceptedFundingRouteOptions);

const rows: ReadonlyArray<{ label: string; cell: (match: ClinicMatch) => ReactNode }> = [
  { label: 'Where', cell: ({ clinic }) => `${clinic.town}, ${regionLabel(clinic.region)}` },
  { label: 'Rating', cell: ({ clinic }) => ratingOf(clinic) },
  { label: 'Beds', cell: ({ clinic }) => bedsOf(clinic) },
  { label: 'Price', cell: ({ clinic }) => weeklyRangeOf(clinic) },
  { label: 'Programme lengths', cell: ({ clinic }) => lengthsOf(clinic.programmeLengthsDays) },
  { label: 'Services', cell: ({ clinic }) => clinic.services.map((service) => serviceLabels[service]).join(', ') },
  { label: 'Dual diagnosis', cell: ({ clinic }) => (clinic.isDualDiagnosisCapable ? 'Can treat' : 'Cannot treat') },
  { label: 'Funding accepted', cell: ({ clinic }) => clinic.fundingRoutes.map((route) => fundingLabels[route]).join(', ') },
  { label: 'Score', cell: ({ score }) => `${score} of ${MAX_SCORE}` },
  {
    label: 'Why it ranks here',
    cell: ({ reasons }) => (
      <ul className="comparison__reasons">
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    ),
  },
];

/** Two clinics side by side, fact by fact, for the adviser to talk the family through. */
export function ClinicComparison({ pair, onClear }: { pair: [ClinicMatch, ClinicMatch]; onClear: () => void }) {
  const [first, second] = pair;
  return (
    <div className="comparison" id="clinic-comparison">
      <div className="table-wrap">
        <table className="table comparison__table">
          <caption>
            {first.clinic.name} and {second.clinic.name} side by side
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">What</span>
              </th>
              {pair.map(({ clinic }) => (
                <th scope="col" key={clinic.id}>
                  {clinic.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {pair.map((match) => (
                  <td key={match.clinic.id}>{row.cell(match)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Button variant="link" onClick={onClear}>
        Clear the comparison
      </Button>
    </div>
  );
}
