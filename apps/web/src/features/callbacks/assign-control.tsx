import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ColleaguePicker } from '../../components/colleague-picker';
import { messageOf, useTRPC } from '../../lib/trpc';

/** A team lead hands a request to a named colleague. */
export function AssignControl({ callbackId, onDone }: { callbackId: string; onDone: (outcome: { tone: 'success' | 'error'; message: string }) => void }) {
  const trpc = useTRPC();
  const [name, setName] = useState('them');
  const assign = useMutation(
    trpc.callbacks.assign.mutationOptions({
      onSuccess: () => onDone({ tone: 'success', message: `Assigned to ${name}.` }),
      onError: (error) => onDone({ tone: 'error', message: messageOf(error) }),
    }),
  );
  return (
    <ColleaguePicker
      label="Assign to"
      isBusy={assign.isPending}
      onChoose={(colleague) => {
        setName(colleague.fullName);
        assign.mutate({ id: callbackId, adviserId: colleague.id });
      }}
    />
  );
}
