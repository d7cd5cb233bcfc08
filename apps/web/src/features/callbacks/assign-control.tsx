import { roleLabels } from '@harbour/shared/roles';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../components/ui/button';
import { SelectField } from '../../components/ui/select-field';
import { messageOf, useTRPC } from '../../lib/trpc';

/** A team lead hands a request to a named colleague. */
export function AssignControl({ callbackId, onDone }: { callbackId: string; onDone: (outcome: { tone: 'success' | 'error'; message: string }) => void }) {
  const trpc = useTRPC();
  const staff = useQuery(trpc.users.listActive.queryOptions());
  const [adviserId, setAdviserId] = useState('');
  const assign = useMutation(
    trpc.callbacks.assign.mutationOptions({
      onSuccess: () => {
        const name = staff.data?.find((member) => member.id === adviserId)?.fullName ?? 'them';
        onDone({ tone: 'success', message: `Assigned to ${name}.` });
      },
      onError: (error) => onDone({ tone: 'error', message: messageOf(error) }),
    }),
  );
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (adviserId) assign.mutate({ id: callbackId, adviserId });
      }}
    >
      <SelectField
        label="Assign to"
        placeholder={staff.isPending ? 'Loading staff…' : 'Choose a colleague'}
        options={(staff.data ?? []).map((member) => ({ value: member.id, label: `${member.fullName} (${roleLabels[member.role]})` }))}
        value={adviserId}
        onChange={(event) => setAdviserId(event.target.value)}
      />
      <Button type="submit" variant="secondary" isBusy={assign.isPending} disabled={!adviserId}>
        Assign
      </Button>
    </form>
  );
}
