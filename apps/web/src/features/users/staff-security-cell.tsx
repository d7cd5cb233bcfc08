import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../components/ui/button';
import { messageOf, useTRPC } from '../../lib/trpc';

export interface StaffSecurity {
  hasTwoStep: boolean;
  liveSessions: number;
}

interface StaffSecurityCellProps {
  member: { id: string; fullName: string; isActive: boolean };
  security: StaffSecurity | undefined;
  isCurrentUser: boolean;
  onOutcome: (outcome: { tone: 'success' | 'error'; message: string }) => void;
}

type Confirming = 'none' | 'end-sessions' | 'reset-two-step';

const sessionsText = (count: number) => `${count} ${count === 1 ? 'session' : 'sessions'}`;

/** Two-step sign-in and live sessions of one colleague, with a manager's ways to end them. */
export function StaffSecurityCell({ member, security, isCurrentUser, onOutcome }: StaffSecurityCellProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<Confirming>('none');
  const settled = () => {
    setConfirming('none');
    return queryClient.invalidateQueries({ queryKey: trpc.users.securityOverview.queryKey() });
  };
  const onError = (error: unknown) => onOutcome({ tone: 'error', message: messageOf(error) });

  const endSessions = useMutation(
    trpc.users.endSessions.mutationOptions({
      onSuccess: ({ sessionsEnded }) =>
        onOutcome({ tone: 'success', message: `${member.fullName} has been signed out of ${sessionsText(sessionsEnded)}.` }),
      onError,
      onSettled: settled,
    }),
  );
  const resetTwoStep = useMutation(
    trpc.users.resetTwoStep.mutationOptions({
      onSuccess: () =>
        onOutcome({
          tone: 'success',
          message: `${member.fullName}'s two-step sign-in is reset and they have been signed out. They can set it up again under Your account; a manager is asked to at their next sign-in.`,
        }),
      onError,
      onSettled: settled,
    }),
  );

  if (!security) return <span className="muted">…</span>;
  const summary = (
    <span className="security-cell__summary">
      <span>Two-step {security.hasTwoStep ? 'on' : 'off'}</span>
      <span>{security.liveSessions === 0 ? 'Not signed in' : `${sessionsText(security.liveSessions)} live`}</span>
    </span>
  );
  if (isCurrentUser || !member.isActive) return summary;

  if (confirming !== 'none') {
    const isEnd = confirming === 'end-sessions';
    return (
      <span className="confirm" role="group" aria-label={isEnd ? `Confirm signing ${member.fullName} out everywhere` : `Confirm resetting ${member.fullName}'s two-step sign-in`}>
        <Button
          variant="danger"
          autoFocus
          isBusy={endSessions.isPending || resetTwoStep.isPending}
          onClick={() => (isEnd ? endSessions.mutate({ id: member.id }) : resetTwoStep.mutate({ id: member.id }))}
        >
          {isEnd ? 'Yes, sign out' : 'Yes, reset'}
          <span className="visually-hidden"> {member.fullName}</span>
        </Button>
        <Button variant="link" onClick={() => setConfirming('none')}>
          Keep
        </Button>
      </span>
    );
  }

  return (
    <span className="security-cell">
      {summary}
      {security.liveSessions > 0 && (
        <Button variant="link" onClick={() => setConfirming('end-sessions')}>
          Sign out everywhere<span className="visually-hidden"> {member.fullName}</span>
        </Button>
      )}
      {security.hasTwoStep && (
        <Button variant="link" onClick={() => setConfirming('reset-two-step')}>
          Reset two-step<span className="visually-hidden"> sign-in for {member.fullName}</span>
        </Button>
      )}
    </span>
  );
}
