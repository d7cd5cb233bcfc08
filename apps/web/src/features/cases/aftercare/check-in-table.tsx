import { formatDateTime } from '@harbour/shared/format';
import { toUkDate } from '@harbour/shared/uk-date';
import { checkInName, DueNowBadge, OutcomeBadge } from './check-in-status';
import type { Schedule } from './check-in-schedules';

/**
 * One discharge's check-ins. `isWorked` when these calls are still being made: then a call not
 * yet made says whether it is overdue or due today; otherwise it was simply never recorded.
 */
export function CheckInTable({ schedule, isWorked, now }: { schedule: Schedule; isWorked: boolean; now: Date }) {
  const discharge = `${schedule.clinicName ? `${schedule.clinicName} on ` : ''}${toUkDate(schedule.dischargedOn)}`;
  return (
    <div className="table-wrap">
      <table className="table check-ins-table">
        <caption className="visually-hidden">Check-ins after the discharge from {discharge}</caption>
        <thead>
          <tr>
            <th scope="col">Check-in</th>
            <th scope="col">Due</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {schedule.checkIns.map((checkIn) => (
            <tr key={checkIn.id}>
              <th scope="row">{checkInName(checkIn.daysAfter)}</th>
              <td>
                {toUkDate(checkIn.dueOn)} {isWorked && checkIn.outcome === null && <DueNowBadge dueOn={checkIn.dueOn} now={now} />}
              </td>
              <td>
                {checkIn.outcome === null ? (
                  <span className="muted">{isWorked ? 'Not made yet' : 'Not recorded'}</span>
                ) : (
                  <>
                    <OutcomeBadge outcome={checkIn.outcome} />
                    {checkIn.recordedAt && (
                      <span className="cell-note">
                        Recorded by {checkIn.recordedByName ?? 'a colleague'} at {formatDateTime(checkIn.recordedAt)}
                      </span>
                    )}
                    {checkIn.notes && <p className="message">{checkIn.notes}</p>}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
