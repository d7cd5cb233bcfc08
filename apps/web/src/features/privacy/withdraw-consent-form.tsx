import { contactWithdrawalChannelOptions, withdrawContactConsentSchema } from '@harbour/shared/privacy';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormActions, FormPanel } from '../../components/ui/form-panel';
import { SelectField } from '../../components/ui/select-field';
import { TextField } from '../../components/ui/text-field';
import { useServerErrors, useZodForm } from '../../lib/form';
import { useTRPC } from '../../lib/trpc';

/** Records that the person asked not to be contacted again; their waiting requests leave the queue. */
export function WithdrawConsentForm({ reference, onRecorded }: { reference: string; onRecorded: (message: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(withdrawContactConsentSchema, { reference, withdrawnOn: '', via: '' as never });
  const { failure, onServerError, submitWith } = useServerErrors(form);
  const withdraw = useMutation(
    trpc.privacy.withdrawContactConsent.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries();
        const closed = result.closedRequests === 0 ? 'No callback request was waiting.' : `${result.closedRequests} waiting callback ${result.closedRequests === 1 ? 'request was' : 'requests were'} closed.`;
        onRecorded(`Recorded: do not contact. ${closed}`);
      },
      onError: onServerError,
    }),
  );
  return (
    <FormPanel
      title="Record withdrawal of consent to contact"
      notice={failure ? { tone: 'error', message: failure } : null}
      onSubmit={submitWith((values) => withdraw.mutate({ ...values, reference }))}
    >
      <p>Nobody will be able to log a call, reopen a request or plan a next action for them. A new request from them is kept and flagged.</p>
      <TextField label="Date they told us" hint="For example, 28/11/2026" autoComplete="off" error={form.formState.errors.withdrawnOn?.message} {...form.register('withdrawnOn')} />
      <SelectField
        label="How they told us"
        placeholder="Choose how"
        options={contactWithdrawalChannelOptions}
        error={form.formState.errors.via?.message}
        {...form.register('via')}
      />
      <FormActions submitLabel="Record: do not contact" busyLabel="Recording…" isBusy={withdraw.isPending} />
    </FormPanel>
  );
}
