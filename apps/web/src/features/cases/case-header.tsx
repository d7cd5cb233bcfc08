import { ageOn } from '@harbour/shared/case-record';
import { stageLabels } from '@harbour/shared/cases';
import { formatDate, formatDueIn, formatWhen } from '@harbour/shared/format';
import { contactWithdrawalChannelLabels, ERASED_NAME } from '@harbour/shared/privacy';
import { toUkDate } from '@harbour/shared/uk-date';
import type { RiskLevel } from '@harbour/shared/assessment';
import type { RouterOutputs } from '../../lib/trpc';
import { Alert } from '../../components/ui/alert';
import { DualDiagnosisBadge, RiskBadge, SeverityBadge } from '../../components/case-badges';
import { daysInStageText } from '../../components/case-dates';

type CaseRecord = RouterOutputs['cases']['byReference'];

/**
 * Stays on screen while the adviser scrolls through the call: who, which stage, and the risk as
 * the answers now stand, even before they are saved.
 */
export function CaseHeader({ record, liveRiskLevel, now }: { record: CaseRecord; liveRiskLevel: RiskLevel | null; now: Date }) {
  const age = record.dateOfBirth ? `, ${ageOn(record.dateOfBirth)}` : '';
  const due = record.nextActionDueAt ? formatDueIn(record.nextActionDueAt, now) : null;
  return (
    <header className="case-header" aria-label="Case summary">
      <h1>
        {record.erasedAt ? ERASED_NAME : (record.clientName ?? 'Client not yet named')}
        {age} <span className="heading-reference">{record.reference}</span>
      </h1>
      {record.erasedAt && (
        <Alert tone="info" title={`Erased on ${formatDate(record.erasedAt)}`}>
          This person's details and everything written about them were erased. The anonymous facts remain for reports.
        </Alert>
      )}
      {record.contactWithdrawnOn && (
        <Alert tone="error" title="Do not contact">
          They withdrew consent to be contacted on {toUkDate(record.contactWithdrawnOn)}
          {record.contactWithdrawnVia ? ` (${contactWithdrawalChannelLabels[record.contactWithdrawnVia].toLowerCase()})` : ''}
          {record.contactWithdrawnByName ? `, recorded by ${record.contactWithdrawnByName}` : ''}. Do not call, write or plan contact with them.
        </Alert>
      )}
      <p className="case-header__facts">
        <span className="badge badge--stage">{stageLabels[record.stage]}</span>
        <span>{daysInStageText(record.stageChangedAt, now)}</span>
        <span>Adviser: {record.assignedAdviserName ?? 'Not assigned'}</span>
        <RiskBadge level={liveRiskLevel ?? record.riskLevel} />
        <SeverityBadge band={record.severity} />
        <DualDiagnosisBadge isDualDiagnosis={record.isDualDiagnosis} />
      </p>
      {/* Nobody is to be contacted about an erased case, or by someone who asked us not to. */}
      {record.stage !== 'closed' && !record.erasedAt && !record.contactWithdrawnOn && (
        <p className="case-header__next">
          {record.nextAction && record.nextActionDueAt && due ? (
            <>
              Next: <strong>{record.nextAction}</strong>,{' '}
              <span className={due.isOverdue ? 'due due--overdue' : 'due'}>
                {due.isOverdue ? due.text : `due ${formatWhen(record.nextActionDueAt, now)}`}
              </span>
            </>
          ) : (
            <span className="text-danger">No next action set</span>
          )}
        </p>
      )}
    </header>
  );
}
