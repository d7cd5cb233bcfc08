import { attemptOutcomes, logAttemptSchema } from '@harbour/shared/callbacks';
import { fromLondonInput, toLondonInput } from '@harbour/shared/london-time';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormChoiceGroup } from '../../components/ui/form-choice-group';
import { FormActions, FormPanel } from '../../components/ui/form-panel';
import { TextAreaField } from '../../components/ui/text-area-field';
import { TextField } from '../../components/ui/text-field';
import { useServerErrors, useZodForm } from '../../lib/form';
import { useTRPC } from '../../lib/trpc';

const outcomeMessages: Record<string, string> = {
  open: 'Saved. The request is back in the queue for the next try.',
  unreachable: 'Saved. That was the fourth call without an answer, so the request is now marked unreachable.',
  answered: 'Saved. Now open the enquiry below.',
  wrong_number: 'Saved. The request is closed as a wrong number.',
  declined: 'Saved. The request is closed: they declined help.',
};

export function LogAttemptForm({ callbackId, onLogged }: { callbackId: string; onLogged: (message: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(logAttemptSchema, { id: callbackId, outcome: undefined as never, notes: '' });
  const { failure, onServerError, submitWith } = useServerErrors(form);
  const log = useMutation(
    trpc.callbacks.logAttempt.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.callbacks.pathKey() });
        form.reset();
        onLogged(outcomeMessages[result.status] ?? 'Saved.');
      },
      onError: onServerError,
    }),
  );
  const outcome = form.watch('outcome');
  const { errors } = form.formState;
  const now = new Date();

  return (
    <FormPanel title="Log this call" notice={failure ? { tone: 'error', message: failure } : null} onSubmit={submitWith((values) => log.mutate(values))}>
      <FormChoiceGroup control={form.control} name="outcome" legend="What happened?" type="radio" columns={2} options={attemptOutcomes} />
      {outcome === 'call_back_later' && (
        <TextField
          label="When they asked us to call back"
          type="datetime-local"
          min={toLondonInput(now)}
          hint="UK time."
          error={errors.callBackAt?.message}
          {...form.register('callBackAt', { setValueAs: (value: string) => (value ? fromLondonInput(value) : undefined) })}
        />
      )}
      <TextAreaField label="Notes (optional)" hint="What matters for the next person who calls." error={errors.notes?.message} {...form.register('notes')} />
      <FormActions submitLabel="Save call" busyLabel="Saving…" isBusy={log.isPending} />
    </FormPanel>
  );
}
