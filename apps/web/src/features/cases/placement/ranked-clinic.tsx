import { MATCH_WEIGHTS } from '@harbour/shared/clinic-matching';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { useReturnFocus } from '../../../components/ui/use-return-focus';
import { bedsOf, placeOf, ratingOf, weeklyRangeOf, type Announce, type CaseRecord, type ClinicMatch } from './placement-words';
import { ProposePlacementForm, type Chosen } from './propose-placement-form';

/** The most a clinic can score: its own region, a bed now, within budget, Outstanding, cheapest. */
export const MAX_SCORE =
  MATCH_WEIGHTS.sameRegion + MATCH_WEIGHTS.bedFree + MATCH_WEIGHTS.withinBudget + MATCH_WEIGHTS.rating + MATCH_WEIGHTS.price;

export type CompareChoice = { isChosen: boolean; isRefused: boolean; onToggle: () => void };

/** One clinic that can take the client, with why it ranks where it does. */
export function RankedClinic({
  match,
  rank,
  record,
  chosen,
  compare,
  onDone,
}: {
  match: ClinicMatch;
  rank: number;
  record: CaseRecord;
  chosen: Chosen;
  compare: CompareChoice;
  onDone: Announce | null;
}) {
  const { clinic } = match;
  const headingId = useId();
  const compareId = useId();
  const [isProposing, setIsProposing] = useState(false);
  const proposeButton = useReturnFocus(isProposing);

  return (
    <li className="ranked-clinic" aria-labelledby={headingId}>
      <div className="ranked-clinic__head">
        <h4 id={headingId}>
          <span className="ranked-clinic__rank">{rank}.</span> <Link to={`/clinics/${clinic.id}`}>{clinic.name}</Link>
        </h4>
        <p className="ranked-clinic__score">
          Score <strong>{match.score}</strong> of {MAX_SCORE}
        </p>
      </div>
      <p className="muted">
        {placeOf(clinic.town, clinic.region)} · {ratingOf(clinic)}
      </p>
      <dl className="ranked-clinic__facts">
        <div>
          <dt>Beds</dt>
          <dd>{bedsOf(clinic)}</dd>
        </div>
        <div>
          <dt>Price</dt>
          <dd>{weeklyRangeOf(clinic)}</dd>
        </div>
      </dl>
      <ul className="ranked-clinic__reasons" aria-label={`Why ${clinic.name} ranks here`}>
        {match.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <div className="ranked-clinic__actions">
        <div className="choice">
          <input
            id={compareId}
            type="checkbox"
            checked={compare.isChosen}
            disabled={compare.isRefused}
            aria-describedby={compare.isRefused ? `${compareId}-why` : undefined}
            onChange={compare.onToggle}
          />
          <label htmlFor={compareId}>
            Compare <span className="visually-hidden">{clinic.name}</span>
          </label>
          {compare.isRefused && (
            <span className="choice__hint" id={`${compareId}-why`}>
              Two clinics are already chosen: untick one to compare this one
            </span>
          )}
        </div>
        {onDone && !isProposing && (
          <Button ref={proposeButton} variant="secondary" onClick={() => setIsProposing(true)}>
            Propose <span className="visually-hidden">{clinic.name}</span>
          </Button>
        )}
      </div>
      {onDone && isProposing && (
        <ProposePlacementForm clinic={clinic} record={record} chosen={chosen} onDone={onDone} onClose={() => setIsProposing(false)} />
      )}
    </li>
  );
}
