import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/page-states';
import { messageOf, useTRPC } from '../../lib/trpc';
import { AddStaffForm } from './add-staff-form';
import { ResetPasswordForm } from './reset-password-form';
import { StaffRow, type StaffMember } from './staff-row';

type Outcome = { tone: 'success' | 'error'; message: string };
type Panel = { kind: 'none' } | { kind: 'add' } | { kind: 'set-password'; member: StaffMember };

export function StaffPage({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const staff = useQuery(trpc.users.list.queryOptions());
  // Kept apart from the list so a slow count never holds up the names.
  const security = useQuery({ ...trpc.users.securityOverview.queryOptions(), refetchInterval: 60_000 });
  const securityOf = (id: string) =>
    security.data ? (security.data.find((row) => row.id === id) ?? { hasTwoStep: false, liveSessions: 0 }) : undefined;
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    document.title = 'Staff – Harbour';
  }, []);

  const activeCount = staff.data?.filter((member) => member.isActive).length ?? 0;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Staff</h1>
          {staff.data && (
            <p className="page-header__meta">
              {activeCount} active {activeCount === 1 ? 'account' : 'accounts'} of {staff.data.length}
            </p>
          )}
        </div>
        {panel.kind !== 'add' && (
          <Button
            ref={addButtonRef}
            onClick={() => {
              setOutcome(null);
              setPanel({ kind: 'add' });
            }}
          >
            Add a colleague
          </Button>
        )}
      </div>

      {outcome && <Alert tone={outcome.tone}>{outcome.message}</Alert>}

      {panel.kind === 'add' && (
        <AddStaffForm
          onAdded={(message) => {
            setPanel({ kind: 'none' });
            setOutcome({ tone: 'success', message });
          }}
          onCancel={() => {
            setPanel({ kind: 'none' });
            requestAnimationFrame(() => addButtonRef.current?.focus());
          }}
        />
      )}
      {panel.kind === 'set-password' && (
        <ResetPasswordForm
          key={panel.member.id}
          member={panel.member}
          onDone={(message) => {
            setPanel({ kind: 'none' });
            setOutcome({ tone: 'success', message });
          }}
          onCancel={() => setPanel({ kind: 'none' })}
        />
      )}

      {staff.isPending ? (
        <LoadingState label="Loading staff…" />
      ) : staff.isError ? (
        <ErrorState message={messageOf(staff.error)} onRetry={() => void staff.refetch()} />
      ) : staff.data.length === 0 ? (
        <EmptyState title="No staff accounts yet" />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Staff accounts</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Last signed in</th>
                <th scope="col">Sign-in security</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {staff.data.map((member) => (
                <StaffRow
                  key={member.id}
                  member={member}
                  isCurrentUser={member.id === currentUserId}
                  security={securityOf(member.id)}
                  onOutcome={setOutcome}
                  onSetPassword={(chosen) => {
                    setOutcome(null);
                    setPanel({ kind: 'set-password', member: chosen });
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
