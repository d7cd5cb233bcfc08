import { formatDateTime } from '@harbour/shared/format';
import { roleLabels, type Role } from '@harbour/shared/roles';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../components/ui/button';
import { SelectField } from '../../components/ui/select-field';
import { messageOf, useTRPC, type RouterOutputs } from '../../lib/trpc';
import { roleOptions } from './role-options';
import { StaffSecurityCell, type StaffSecurity } from './staff-security-cell';

export type StaffMember = RouterOutputs['users']['list'][number];

interface StaffRowProps {
  member: StaffMember;
  isCurrentUser: boolean;
  security: StaffSecurity | undefined;
  onOutcome: (outcome: { tone: 'success' | 'error'; message: string }) => void;
  onSetPassword: (member: StaffMember) => void;
}

export function StaffRow({ member, isCurrentUser, security, onOutcome, onSetPassword }: StaffRowProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isConfirmingDeactivation, setIsConfirmingDeactivation] = useState(false);
  // A role changes only when the manager presses Save: arrowing through the list must not promote anyone.
  const [chosenRole, setChosenRole] = useState<Role>(member.role);

  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: (updated) => {
        const message = updated.isActive !== member.isActive
          ? updated.isActive
            ? `${updated.fullName} can sign in again.`
            : `${updated.fullName} is deactivated and has been signed out everywhere.`
          : `${updated.fullName} is now ${roleLabels[updated.role].toLowerCase()}.`;
        onOutcome({ tone: 'success', message });
      },
      onError: (error) => onOutcome({ tone: 'error', message: messageOf(error) }),
      onSettled: () => {
        setIsConfirmingDeactivation(false);
        return queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
      },
    }),
  );

  const selfNote = isCurrentUser ? 'You cannot change your own role or deactivate yourself.' : undefined;
  return (
    <tr className={member.isActive ? undefined : 'is-inactive'}>
      <th scope="row">
        {member.fullName}
        {isCurrentUser && <span className="tag">You</span>}
      </th>
      <td>{member.email}</td>
      <td>
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            update.mutate({ id: member.id, role: chosenRole, version: member.version });
          }}
        >
          <SelectField
            label={`Role for ${member.fullName}`}
            isLabelHidden
            options={roleOptions}
            value={chosenRole}
            disabled={isCurrentUser || !member.isActive || update.isPending}
            title={selfNote}
            onChange={(event) => setChosenRole(event.target.value as Role)}
          />
          {chosenRole !== member.role && (
            <>
              <Button type="submit" isBusy={update.isPending}>
                Save<span className="visually-hidden"> role for {member.fullName}</span>
              </Button>
              <Button variant="link" onClick={() => setChosenRole(member.role)}>
                Undo
              </Button>
            </>
          )}
        </form>
      </td>
      <td>{member.isActive ? 'Active' : 'Deactivated'}</td>
      <td className="nowrap">{member.lastLoginAt ? formatDateTime(member.lastLoginAt) : 'Never'}</td>
      <td>
        <StaffSecurityCell member={member} security={security} isCurrentUser={isCurrentUser} onOutcome={onOutcome} />
      </td>
      <td className="actions-cell">
        {isCurrentUser ? (
          <span className="muted">—</span>
        ) : !member.isActive ? (
          <Button
            variant="secondary"
            isBusy={update.isPending}
            onClick={() => update.mutate({ id: member.id, isActive: true, version: member.version })}
          >
            Reactivate<span className="visually-hidden"> {member.fullName}</span>
          </Button>
        ) : isConfirmingDeactivation ? (
          <span className="confirm" role="group" aria-label={`Confirm deactivating ${member.fullName}`}>
            <Button
              variant="danger"
              autoFocus
              isBusy={update.isPending}
              onClick={() => update.mutate({ id: member.id, isActive: false, version: member.version })}
            >
              Yes, deactivate<span className="visually-hidden"> {member.fullName}</span>
            </Button>
            <Button variant="link" onClick={() => setIsConfirmingDeactivation(false)}>
              Keep
            </Button>
          </span>
        ) : (
          <span className="row-actions">
            <Button variant="link" onClick={() => onSetPassword(member)}>
              Set password<span className="visually-hidden"> for {member.fullName}</span>
            </Button>
            <Button variant="secondary" onClick={() => setIsConfirmingDeactivation(true)}>
              Deactivate<span className="visually-hidden"> {member.fullName}</span>
            </Button>
          </span>
        )}
      </td>
    </tr>
  );
}
