import { programmePriceOf, serviceLabels } from '@harbour/shared/clinics';
import { formatDateTime, formatPence } from '@harbour/shared/format';
import { formatUkPhone } from '@harbour/shared/phone';
import { dischargeOutcomeLabels, placementStatusLabels } from '@harbour/shared/placements';
import type { Role } from '@harbour/shared/roles';
import { toUkDate } from '@harbour/shared/uk-date';
import { useId } from 'react';
import { Link } from 'react-router';
import { CancelPlacement } from './cancel-placement';
import { NextStep } from './placement-steps';
import { feeTermsOf, placeOf, type Announce, type CaseRecord, type Placement } from './placement-words';

// The server sends no name where a step was stored without one: the card then says only when.
const by = (name: string | null) => (name ? ` by ${name}` : '');
// Admission and discharge are the days they happened, which the adviser may write up later:
// "recorded by" says whose word it is without suggesting they were there.
const recordedBy = (name: string | null) => (name ? `, recorded by ${name}` : '');

/** Each step in order, with when it was taken and by whom, once it has been. */
function stepsOf(placement: Placement) {
  const outcome = placement.dischargeOutcome ? ` (${dischargeOutcomeLabels[placement.dischargeOutcome]})` : '';
  return [
    { label: 'Proposed', when: `${formatDateTime(placement.proposedAt)}${by(placement.proposedByName)}` },
    { label: 'Confirmed with clinic', when: placement.confirmedAt && `${formatDateTime(placement.confirmedAt)}${by(placement.confirmedByName)}` },
    { label: 'Admitted', when: placement.admittedOn && `${toUkDate(placement.admittedOn)}${recordedBy(placement.admittedByName)}` },
    { label: 'Discharged', when: placement.dischargedOn && `${toUkDate(placement.dischargedOn)}${outcome}${recordedBy(placement.dischargedByName)}` },
  ];
}

function feeOf(placement: Placement): string {
  if (placement.feePence === null) return 'Worked out from the clinic’s terms when it confirms, then frozen';
  return `${formatPence(placement.feePence)}, frozen at confirmation${placement.feeTerms ? ` (${feeTermsOf(placement.feeTerms)})` : ''}`;
}

/** The placement on the go: where it has got to, its terms, and the one step it can take next. */
export function ActivePlacement({
  placement,
  record,
  user,
  onDone,
}: {
  placement: Placement;
  record: CaseRecord;
  user: { role: Role };
  onDone: Announce | null;
}) {
  const headingId = useId();
  const steps = stepsOf(placement);
  const next = steps.findIndex((step) => !step.when);
  return (
    <article className="placement-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {placement.clinicName} <span className="badge badge--neutral">{placementStatusLabels[placement.status]}</span>
      </h3>
      <ol className="placement-progress" aria-label="Placement steps">
        {steps.map((step, index) => (
          <li
            key={step.label}
            className={step.when ? 'placement-progress__done' : index === next ? 'placement-progress__next' : undefined}
            aria-current={index === next ? 'step' : undefined}
          >
            <span className="placement-progress__label">
              <span className="visually-hidden">{step.when ? 'Done: ' : index === next ? 'Next: ' : 'Later: '}</span>
              {step.label}
            </span>
            {/* The two sit on separate lines; the space keeps them apart when read aloud. */}
            {step.when && <span className="placement-progress__when"> {step.when}</span>}
          </li>
        ))}
      </ol>
      <dl className="details">
        <div className="details__row">
          <dt>Clinic</dt>
          <dd>
            <Link to={`/clinics/${placement.clinicId}`}>{placement.clinicName}</Link>, {placeOf(placement.clinicTown, placement.clinicRegion)}.{' '}
            <a href={`tel:${placement.clinicPhone}`}>{formatUkPhone(placement.clinicPhone)}</a>. Beds free now: {placement.clinicBedsAvailable}
          </dd>
        </div>
        <PlacementTerms placement={placement} />
        <div className="details__row">
          <dt>Service’s fee</dt>
          <dd>{feeOf(placement)}</dd>
        </div>
      </dl>
      {onDone && (
        <div className="placement-card__actions">
          <NextStep placement={placement} record={record} user={user} onDone={onDone} />
          {(placement.status === 'proposed' || placement.status === 'confirmed') && <CancelPlacement placement={placement} onDone={onDone} />}
        </div>
      )}
    </article>
  );
}

function PlacementTerms({ placement }: { placement: Placement }) {
  return (
    <>
      <div className="details__row">
        <dt>Programme</dt>
        <dd>
          {serviceLabels[placement.programme]}, {placement.lengthDays} days
        </dd>
      </div>
      <div className="details__row">
        <dt>Price</dt>
        <dd>
          {formatPence(placement.weeklyPricePence)} a week; {formatPence(programmePriceOf(placement.weeklyPricePence, placement.lengthDays))} for the
          programme
        </dd>
      </div>
    </>
  );
}

/** Placements that ended, newest first: what was tried before, and how it went. */
export function PlacementHistory({ placements }: { placements: Placement[] }) {
  if (placements.length === 0) return null;
  return (
    <>
      <h3>Earlier placements</h3>
      <ul className="placement-history">
        {placements.map((placement) => (
          <li key={placement.id}>
            <p className="placement-history__title">
              <Link to={`/clinics/${placement.clinicId}`}>{placement.clinicName}</Link>, {placeOf(placement.clinicTown, placement.clinicRegion)}{' '}
              <span className="badge badge--muted">{placementStatusLabels[placement.status]}</span>
            </p>
            <dl className="details">
              <PlacementTerms placement={placement} />
              {placement.feePence !== null && (
                <div className="details__row">
                  <dt>Service’s fee</dt>
                  <dd>{feeOf(placement)}</dd>
                </div>
              )}
              <div className="details__row">
                <dt>Steps</dt>
                <dd>{stepsOf(placement).flatMap((step) => (step.when ? [`${step.label}: ${step.when}`] : [])).join('. ')}</dd>
              </div>
              {placement.cancelledAt && (
                <div className="details__row">
                  <dt>Cancelled</dt>
                  <dd>
                    {formatDateTime(placement.cancelledAt)}
                    {placement.cancelledByName && ` by ${placement.cancelledByName}`}: {placement.cancelReason}
                  </dd>
                </div>
              )}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
