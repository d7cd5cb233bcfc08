import { checkInOutcomeOptions, supportGroupOptions, type CheckInTiming } from '@harbour/shared/aftercare';
import { riskLevelLabels, severityBandLabels, type RiskLevel, type SeverityBand } from '@harbour/shared/assessment';
import { attemptOutcomeLabel } from '@harbour/shared/callbacks';
import { crisisActions } from '@harbour/shared/case-record';
import { stageLabels, type CaseStage } from '@harbour/shared/cases';
import { serviceOptions } from '@harbour/shared/clinics';
import { formatDateTime, formatPence } from '@harbour/shared/format';
import { dischargeOutcomeOptions, placementStatusOptions } from '@harbour/shared/placements';
import { closureReasons } from '@harbour/shared/stages';
import { toUkDate } from '@harbour/shared/uk-date';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '../../components/ui/button';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/page-states';
import { messageOf, useTRPC, type RouterOutputs } from '../../lib/trpc';

type Entry = RouterOutputs['cases']['timeline'][number];
type EventEntry = Extract<Entry, { type: 'event' }>;

// Column names as the timeline says them.
const fieldLabels: Record<string, string> = {
  client_name: 'client name',
  client_date_of_birth: 'date of birth',
  caller_name: 'caller name',
  caller_relation: 'who the call is about',
  relation_detail: 'relation',
  phone_e164: 'phone',
  email: 'email',
  postcode: 'postcode',
  region: 'region',
  preferred_contact_times: 'contact times',
  safe_to_leave_voicemail: 'voicemail safety',
  safe_to_say_who_we_are: 'saying who we are',
  funding_route: 'funding route',
  budget_min_pence: 'budget',
  budget_max_pence: 'budget',
  insurer: 'insurer',
  policy_number: 'policy number',
  who_pays: 'who pays',
  finance_notes: 'finance notes',
  substances: 'substances',
  criteria: 'severity questions',
  audit: 'AUDIT',
  conditions: 'conditions',
  risk: 'risk screen',
  previousTreatments: 'previous treatment',
};

const fieldList = (fields: unknown) => {
  const names = [...new Set((Array.isArray(fields) ? fields : []).map((field) => fieldLabels[String(field)] ?? String(field)))];
  return names.length ? names.join(', ') : 'nothing changed';
};

const labelOf = (options: ReadonlyArray<{ value: string; label: string }>, value: unknown) =>
  options.find((option) => option.value === value)?.label ?? String(value);

// A check-in made on another day than it fell due, said so; on the day needs no words.
const checkInTimingWords: Partial<Record<CheckInTiming, string>> = { overdue: ' (made late)', upcoming: ' (made early)' };

const textOf = (value: unknown) => (value ? String(value) : undefined);

/** What the event says, and `isAlarming` for the ones a reader must not miss. */
function describeEvent({ kind, details }: EventEntry): { title: string; body?: string; isAlarming?: boolean } {
  switch (kind) {
    case 'contact_updated':
      return { title: `Contact details changed: ${fieldList(details.fields)}` };
    case 'consent_recorded':
      return { title: details.given ? 'Consent to record health information given' : 'Consent to record health information refused' };
    case 'assessment_updated': {
      const risk = details.riskLevel ? riskLevelLabels[details.riskLevel as RiskLevel] : null;
      const was = details.previousRiskLevel && details.previousRiskLevel !== details.riskLevel ? ` (was ${riskLevelLabels[details.previousRiskLevel as RiskLevel]})` : '';
      const severity = details.severity ? `, severity ${severityBandLabels[details.severity as SeverityBand]}` : '';
      return { title: `Assessment saved: risk ${risk ?? 'not assessed'}${was}${severity}`, body: `Changed: ${fieldList(details.fields)}` };
    }
    case 'finances_updated':
      return { title: `Finances changed: ${fieldList(details.fields)}` };
    case 'stage_moved': {
      const to = stageLabels[details.to as CaseStage];
      const why = details.closureReason ? ` (${labelOf(closureReasons, details.closureReason)})` : '';
      return { title: `Moved from ${stageLabels[details.from as CaseStage]} to ${to}${why}`, body: details.reason ? String(details.reason) : undefined };
    }
    case 'assigned':
      return { title: details.to ? `Assigned to ${String(details.toName ?? 'a colleague')}` : 'Given back to the team (no adviser)' };
    case 'next_action_set':
      return { title: `Next action set: ${String(details.what ?? '')}`, body: details.dueAt ? `Due ${formatDateTime(new Date(String(details.dueAt)))}` : undefined };
    case 'crisis_raised':
      return { title: 'Crisis protocol opened: risk is immediate', isAlarming: true };
    case 'crisis_action_recorded': {
      const actions = (Array.isArray(details.actions) ? details.actions : []).map((action) => labelOf(crisisActions, action));
      return { title: `Crisis action recorded: ${actions.join('; ')}`, body: textOf(details.details), isAlarming: true };
    }
    case 'placement_proposed': {
      const weekly = typeof details.weeklyPricePence === 'number' ? `, ${formatPence(details.weeklyPricePence)} a week` : '';
      return {
        title: `Placement proposed at ${String(details.clinicName)}`,
        body: `${labelOf(serviceOptions, details.programme)}, ${String(details.lengthDays)} days${weekly}`,
      };
    }
    case 'placement_confirmed':
      return {
        title: `Placement confirmed with ${String(details.clinicName)}`,
        body: typeof details.feePence === 'number' ? `Fee from the clinic: ${formatPence(details.feePence)}` : undefined,
      };
    case 'placement_admitted':
      return { title: `Admitted to ${String(details.clinicName)} on ${toUkDate(String(details.admittedOn))}` };
    case 'placement_discharged':
      return {
        title: `Discharged from ${String(details.clinicName)} on ${toUkDate(String(details.dischargedOn))}`,
        body: labelOf(dischargeOutcomeOptions, details.outcome),
      };
    case 'placement_cancelled':
      return { title: `${labelOf(placementStatusOptions, details.from)} placement cancelled`, body: textOf(details.reason) };
    case 'aftercare_plan_saved': {
      const groups = (Array.isArray(details.supportGroups) ? details.supportGroups : []).map((group) => labelOf(supportGroupOptions, group));
      return { title: `Aftercare plan saved: ${groups.length ? groups.join(', ') : 'no support groups'}` };
    }
    case 'check_in_recorded': {
      const timing = checkInTimingWords[details.timing as CheckInTiming] ?? '';
      return {
        title: `${String(details.daysAfter)}-day check-in: ${labelOf(checkInOutcomeOptions, details.outcome)}${timing}`,
        body: textOf(details.notes),
        isAlarming: details.outcome === 'relapsed',
      };
    }
    default:
      return { title: kind };
  }
}

function EntryText({ entry, onPin }: { entry: Entry; onPin: (noteId: string) => void }) {
  switch (entry.type) {
    case 'opened':
      return <strong>Case opened from {entry.origin === 'callback' ? 'a callback request' : 'an inbound call'}</strong>;
    case 'note':
      return (
        <>
          <strong>{entry.isPinned ? 'Pinned note' : 'Note'}</strong>
          {!entry.isPinned && (
            <>
              {' '}
              ·{' '}
              <Button variant="link" aria-label={`Pin the note by ${entry.actorName} of ${formatDateTime(entry.at)} to the top`} onClick={() => onPin(entry.id)}>
                Pin
              </Button>
            </>
          )}
          <p className="message">{entry.body}</p>
        </>
      );
    case 'call':
      return (
        <>
          <strong>Call: {attemptOutcomeLabel(entry.outcome)}</strong> <span className="muted">({entry.requestReference})</span>
          {entry.notes && <p className="message">{entry.notes}</p>}
        </>
      );
    case 'event': {
      const { title, body, isAlarming } = describeEvent(entry);
      return (
        <>
          <strong className={isAlarming ? 'text-danger' : undefined}>{title}</strong>
          {body && <p>{body}</p>}
        </>
      );
    }
  }
}

/** Everything that happened on the case, newest first: notes, calls, moves and changes. */
export function TimelineSection({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Each read is audited: fetched when the page opens or something changes, not on focus.
  const timeline = useQuery({ ...trpc.cases.timeline.queryOptions({ id: caseId }), refetchOnWindowFocus: false });
  const pin = useMutation(trpc.cases.pinNote.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() }) }));

  return (
    <section className="panel case-section" id="timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      {pin.isError && <p className="field__error">{messageOf(pin.error)}</p>}
      {timeline.isPending ? (
        <LoadingState label="Loading the timeline…" />
      ) : timeline.isError ? (
        <ErrorState message={messageOf(timeline.error)} onRetry={() => void timeline.refetch()} />
      ) : timeline.data.length === 0 ? (
        <EmptyState title="Nothing has happened on this case yet." />
      ) : (
        <ol className="timeline timeline--case">
          {timeline.data.map((entry) => (
            <li key={`${entry.type}-${entry.id}`}>
              <p className="timeline__when">
                {formatDateTime(entry.at)} · {entry.actorName ?? 'Harbour'}
              </p>
              <EntryText entry={entry} onPin={(noteId) => pin.mutate({ noteId, isPinned: true })} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
