import type { RiskLevel } from '@harbour/shared/assessment';
import { formatDateTime } from '@harbour/shared/format';
import type { Role } from '@harbour/shared/roles';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { ErrorState, LoadingState, NotFoundState } from '../../components/ui/page-states';
import { errorCodeOf, messageOf, useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useNow } from '../../lib/use-now';
import { AftercareSection } from './aftercare/aftercare-section';
import { PlacementSection } from './placement/placement-section';
import { AssessmentSection } from './assessment/assessment-section';
import { AssignCaseControl } from './assign-case-control';
import { CallbackHistory } from './callback-history';
import { CaseHeader } from './case-header';
import { ContactSection } from './contact-section';
import { CrisisProtocol } from './crisis-protocol';
import { FinancesSection } from './finances-section';
import { NextActionForm } from './next-action-form';
import { NotesSection, PinnedNotes } from './notes-section';
import { StageMoveControl } from './stage-move-control';
import { TimelineSection } from './timeline-section';
import { useLiveCase } from './use-live-case';

type CaseRecord = RouterOutputs['cases']['byReference'];
type User = { id: string; role: Role };

const sections = [
  { id: 'contact', label: 'Contact and consent' },
  { id: 'assessment', label: 'Assessment' },
  { id: 'finances', label: 'Finances' },
  { id: 'placement', label: 'Clinics and placement' },
  { id: 'aftercare', label: 'Aftercare' },
  { id: 'notes', label: 'Notes' },
  { id: 'timeline', label: 'Timeline' },
];

export function CasePage({ reference, user }: { reference: string; user: User }) {
  const trpc = useTRPC();
  // Each fetch of a case is an audited view: not on every return to the window.
  const record = useQuery({ ...trpc.cases.byReference.queryOptions({ reference }), refetchOnWindowFocus: false });
  useLiveCase(record.data?.id);

  useEffect(() => {
    document.title = `${reference} – Harbour`;
  }, [reference]);

  if (record.isPending) return <LoadingState label="Loading the case…" />;
  if (errorCodeOf(record.error) === 'NOT_FOUND') {
    return (
      <NotFoundState title={`Case ${reference} not found`}>
        Check the reference: case references look like H-2026-00042. <Link to="/cases">Find a case</Link>
      </NotFoundState>
    );
  }
  if (record.isError) return <ErrorState message={messageOf(record.error)} onRetry={() => void record.refetch()} />;
  return <CaseRecordView record={record.data} user={user} reload={async () => (await record.refetch()).data} />;
}

function CaseRecordView({ record, user, reload }: { record: CaseRecord; user: User; reload: () => Promise<CaseRecord | undefined> }) {
  const now = useNow(30_000);
  const crisis = useCrisisProtocol(record);
  // The header draws at once; the sections (a few hundred fields) follow in a background render
  // that React cuts into short slices, so the page answers the adviser while they draw instead
  // of freezing for the whole case at once.
  const isDrawingSections = useDeferredValue(true, false);

  return (
    <>
      <p className="breadcrumb">
        <Link to="/cases">Cases</Link> · <Link to="/queue">Callback queue</Link>
      </p>
      {crisis.isOpen && (
        <CrisisProtocol
          caseId={record.id}
          raisedAt={record.openCrisis?.raisedAt}
          raisedByName={record.openCrisis?.raisedByName}
          onRecorded={crisis.onRecorded}
        />
      )}
      <div className="case-sticky">
        {crisis.isOpen && (
          <p className="case-sticky__crisis">
            <a href="#crisis-heading">Crisis protocol open: record what was done to close it</a>
          </p>
        )}
        <CaseHeader record={record} liveRiskLevel={crisis.liveLevel} now={now} />
        <nav aria-label="Case sections" className="section-nav">
          {sections.map((section) => (
            <a key={section.id} href={`#${section.id}`}>
              {section.label}
            </a>
          ))}
        </nav>
      </div>
      {isDrawingSections && (
        <div className="case-layout">
          <div className="case-layout__main">
            {!record.canChange && !record.erasedAt && (
              <p className="read-only-note" role="note">
                This case is {record.assignedAdviserName ? `assigned to ${record.assignedAdviserName}` : 'not yours'}. You can read it and add notes; to
                change it, ask them or a team lead.
              </p>
            )}
            {crisis.recordedAt && (
              <Alert tone="success" isFocusedOnShow title={`Crisis action recorded at ${formatDateTime(crisis.recordedAt).slice(-5)}`}>
                The team leads’ alert has cleared. The risk stays on the case; carry on with the call.
              </Alert>
            )}
            <PinnedNotes notes={record.notes} />
            <ContactSection record={record} onReload={reload} />
            <AssessmentSection record={record} userId={user.id} onLiveRisk={crisis.onLiveRisk} />
            <FinancesSection record={record} onReload={reload} />
            <PlacementSection record={record} user={user} />
            <AftercareSection record={record} user={user} />
            <NotesSection record={record} />
            <TimelineSection caseId={record.id} />
          </div>
          <aside className="case-layout__side" aria-label="Case actions">
            {record.canChange && record.stage !== 'closed' && <NextActionForm record={record} />}
            <AssignCaseControl record={record} user={user} />
            {record.canChange && <StageMoveControl record={record} user={user} />}
            <CallbackHistory caseId={record.id} />
          </aside>
        </div>
      )}
    </>
  );
}

/**
 * When the answers on screen say "immediate", the protocol opens and team leads are alerted at
 * once, before anything is saved. It stays open until the action taken is recorded.
 */
function useCrisisProtocol(record: CaseRecord) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const raise = useMutation(
    trpc.cases.raiseCrisis.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.cases.byReference.queryKey({ reference: record.reference }) }),
    }),
  );
  const [liveLevel, setLiveLevel] = useState<RiskLevel | null>(null);
  // Starts at the saved level, so opening a case already assessed as immediate, whose crisis
  // was dealt with, does not raise it again.
  const [lastLevel, setLastLevel] = useState<RiskLevel | null>(record.riskLevel);
  // Raised from this screen and not yet recorded: open even before the server's answer arrives.
  const [isAwaitingAction, setIsAwaitingAction] = useState(false);
  const [recordedAt, setRecordedAt] = useState<Date | null>(null);

  return {
    liveLevel,
    recordedAt,
    isOpen: record.openCrisis !== null || isAwaitingAction,
    onLiveRisk: ({ level }: { level: RiskLevel | null }) => {
      setLiveLevel(level);
      if (level === lastLevel) return;
      setLastLevel(level);
      if (level === 'immediate') {
        setIsAwaitingAction(true);
        setRecordedAt(null);
        raise.mutate({ id: record.id });
      }
    },
    onRecorded: () => {
      setIsAwaitingAction(false);
      setRecordedAt(new Date());
    },
  };
}
