import { crisisActions, recordCrisisActionSchema } from '@harbour/shared/case-record';
import { formatDateTime } from '@harbour/shared/format';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CrisisPanel } from '../../components/crisis-panel';
import { Alert } from '../../components/ui/alert';
import { FormChoiceGroup } from '../../components/ui/form-choice-group';
import { FormActions } from '../../components/ui/form-panel';
import { TextAreaField } from '../../components/ui/text-area-field';
import { useServerErrors, useZodForm } from '../../lib/form';
import { useTRPC } from '../../lib/trpc';

/**
 * The crisis protocol for a caller whose risk is immediate: the numbers, the steps, and the
 * record of what was done. It closes only once that record is saved; team leads were alerted
 * when it opened.
 */
export function CrisisProtocol({ caseId, raisedAt, raisedByName, onRecorded }: { caseId: string; raisedAt?: Date; raisedByName?: string; onRecorded: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(recordCrisisActionSchema, { id: caseId, actions: [], details: '' });
  const { failure, onServerError, submitWith } = useServerErrors(form);
  const record = useMutation(
    trpc.cases.recordCrisisAction.mutationOptions({
      onSuccess: async () => {
        onRecorded();
        await queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
      },
      onError: onServerError,
    }),
  );
  return (
    <CrisisPanel audience="staff">
      <ol className="crisis__steps">
        <li>Ask now: are they safe where they are? Is anyone with them?</li>
        <li>If life is in danger, call 999 or help them to, and stay on the line.</li>
        <li>Otherwise, put them through to NHS 111 option 2, or give the Samaritans number, and agree a safety plan.</li>
        <li>Your team lead has been alerted{raisedAt ? ` (${formatDateTime(raisedAt).slice(-5)}${raisedByName ? `, by ${raisedByName}` : ''})` : ''}.</li>
      </ol>
      <form noValidate aria-label="Record the crisis action" onSubmit={submitWith((values) => record.mutate(values))}>
        {failure && <Alert tone="error">{failure}</Alert>}
        <FormChoiceGroup control={form.control} name="actions" legend="What was done?" type="checkbox" columns={2} options={crisisActions} />
        <TextAreaField label="What happened (optional unless 'Something else')" rows={2} error={form.formState.errors.details?.message} {...form.register('details')} />
        <FormActions submitLabel="Record action and close the protocol" busyLabel="Recording…" isBusy={record.isPending} />
      </form>
    </CrisisPanel>
  );
}
