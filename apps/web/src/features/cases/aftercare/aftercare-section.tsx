import { checkInOutcomeLabels } from '@harbour/shared/aftercare';
import { can } from '@harbour/shared/permissions';
import type { Role } from '@harbour/shared/roles';
import { toUkDate } from '@harbour/shared/uk-date';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { SectionConflict } from '../../../components/ui/section-conflict';
import type { RouterOutputs } from '../../../lib/trpc';
import { useNow } from '../../../lib/use-now';
import { AftercarePlanForm } from './aftercare-plan-form';
import { AftercarePlanSummary } from './aftercare-plan-summary';
import { checkInComingUp, checkInToMake, latestRecorded, schedulesOf, type CheckIn, type Schedule } from './check-in-schedules';
import { checkInName } from './check-in-status';
import { CheckInTable } from './check-in-table';
import { RecordCheckInForm, type RecordedCheckIn } from './record-check-in-form';
import { RelapseDecision, TEAM_LEAD_ASKED } from './relapse-decision';
import { useCheckInConflict } from './use-check-in-conflict';

type CaseRecord = RouterOutputs['cases']['byReference'];

/** The check-ins with the one just recorded here, until the case's refetch brings it back. */
function withRecorded(checkIns: CheckIn[], recorded: RecordedCheckIn | null): CheckIn[] {
  if (!recorded) return checkIns;
  return checkIns.map((checkIn) =>
    checkIn.id === recorded.id && checkIn.outcome === null
      ? { ...checkIn, outcome: recorded.outcome, notes: recorded.notes, recordedAt: recorded.recordedAt, recordedByName: 'you' }
      : checkIn,
  );
}

const dischargeText = (schedule: Schedule) =>
  `${schedule.clinicName ? `the discharge from ${schedule.clinicName}` : 'the discharge'} on ${toUkDate(schedule.dischargedOn)}`;

/**
 * Aftercare on the case page: the plan agreed for after the clinic, and the check-in calls at
 * 7, 30, 90, 180 and 365 days after discharge, with the one to make now.
 */
export function AftercareSection({ record, user }: { record: CaseRecord; user: { id: string; role: Role } }) {
  const now = useNow(60_000);
  const [recorded, setRecorded] = useState<RecordedCheckIn | null>(null);
  const [reopenedAt, setReopenedAt] = useState<Date | null>(null);
  const conflict = useCheckInConflict(record.reference);

  const checkIns = withRecorded(record.aftercare.checkIns, recorded);
  const [current, ...earlier] = schedulesOf({ placements: record.placements, aftercare: { ...record.aftercare, checkIns } });
  // Only the newest discharge's calls are made, and only while the case is in Aftercare.
  const isWorked = record.stage === 'aftercare';
  const toMake = isWorked && record.canChange ? checkInToMake(current, now) : undefined;
  const comingUp = isWorked ? checkInComingUp(current, now) : undefined;
  const latest = latestRecorded(current);
  const relapse = isWorked && latest?.outcome === 'relapsed' ? latest : undefined;
  const canDecide = can(user.role, 'cases:supervise') && record.canChange;
  const isPlanOpen = record.canChange && (record.stage === 'placement' || record.stage === 'aftercare');
  const isBeforeAftercare = !current && !record.aftercare.plan && record.stage !== 'placement' && record.stage !== 'aftercare';
  const wasReopened = current && (record.stage === 'enquiry' || record.stage === 'assessment' || record.stage === 'placement');

  return (
    <section className="panel case-section" id="aftercare" aria-labelledby="aftercare-heading">
      <h2 id="aftercare-heading">Aftercare</h2>
      {reopenedAt && (
        <Alert tone="success" isFocusedOnShow>
          Case reopened for a new assessment. The check-ins made so far stay here as history.
        </Alert>
      )}
      {isBeforeAftercare ? (
        <p className="muted">
          {record.stage === 'closed'
            ? 'This case closed before any aftercare.'
            : 'Aftercare starts when the client is discharged from the clinic: check-in calls 7, 30, 90, 180 and 365 days after, and a plan for support groups and local services.'}
        </p>
      ) : (
        <>
          {isWorked && record.stageFacts.lastCheckInDone && (
            <p className="read-only-note">
              The 365-day check-in is recorded, so aftercare is complete: close the case as “Completed aftercare” with Stage, beside the case.
            </p>
          )}
          <div className="aftercare-part">
            <h3>Check-ins</h3>
            {recorded && (
              <Alert key={recorded.id} tone="success" isFocusedOnShow>
                {checkInName(recorded.daysAfter)} recorded: {checkInOutcomeLabels[recorded.outcome]}.
                {recorded.outcome === 'relapsed' && ` ${canDecide ? 'Decide below whether to reopen the case for a new assessment.' : TEAM_LEAD_ASKED}`}
              </Alert>
            )}
            {relapse && (canDecide || recorded?.id !== relapse.id) && (
              <RelapseDecision
                caseId={record.id}
                caseVersion={record.version}
                checkIn={relapse}
                canDecide={canDecide}
                onReopened={() => setReopenedAt(new Date())}
              />
            )}
            {current ? (
              <>
                <p>After {dischargeText(current)}.</p>
                {wasReopened && <p className="muted">The case was reopened, so these calls are no longer made. A new discharge books new ones.</p>}
                <CheckInTable schedule={current} isWorked={isWorked} now={now} />
              </>
            ) : (
              <p className="muted">Booked when the discharge is recorded: 7, 30, 90, 180 and 365 days after.</p>
            )}
            <SectionConflict message={conflict.message} unsaved={conflict.unsaved} isReloading={conflict.isReloading} onReload={() => void conflict.reload()} />
            {toMake ? (
              <RecordCheckInForm
                key={toMake.id}
                checkIn={toMake}
                now={now}
                onRecorded={(done) => {
                  conflict.dismiss();
                  setRecorded(done);
                }}
                onConflict={conflict.caught}
              />
            ) : (
              comingUp && (
                <p>
                  Next: the {checkInName(comingUp.daysAfter)}, due {toUkDate(comingUp.dueOn)}.
                </p>
              )
            )}
          </div>
          {isPlanOpen ? <AftercarePlanForm record={record} /> : <AftercarePlanSummary plan={record.aftercare.plan} />}
          {earlier.length > 0 && (
            <details className="aftercare-history">
              <summary>Earlier discharges ({earlier.length})</summary>
              {earlier.map((schedule) => (
                <div key={schedule.placementId}>
                  <h4>After {dischargeText(schedule)}</h4>
                  <CheckInTable schedule={schedule} isWorked={false} now={now} />
                </div>
              ))}
            </details>
          )}
        </>
      )}
    </section>
  );
}
