import { setNextActionSchema } from '@harbour/shared/case-record';
import { londonHourOn } from '@harbour/shared/london-time';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { LondonDateTimeField } from '../../components/ui/london-date-time-field';
import { TextField } from '../../components/ui/text-field';
import { useServerErrors, useZodForm } from '../../lib/form';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';

type CaseRecord = RouterOutputs['cases']['byReference'];

/** Every open case says what happens next and by when, so nobody is left waiting unnoticed. */
export function NextActionForm({ record }: { record: CaseRecord }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tomorrowMorning = londonHourOn(new Date(), 10, 1);
  const form = useZodForm(setNextActionSchema, {
    id: record.id,
    version: record.version,
    what: record.nextAction ?? '',
    dueAt: record.nextActionDueAt ?? tomorrowMorning,
  });
  const { failure, onServerError, submitWith } = useServerErrors(form);
  const save = useMutation(
    trpc.cases.setNextAction.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() }),
      onError: onServerError,
    }),
  );
  const { errors } = form.formState;
  return (
    <form
      className="case-action"
      noValidate
      aria-label="Next action"
      // The version shown now, not when the form first drew: the header updates live.
      onSubmit={submitWith((values) => save.mutate({ ...values, version: record.version }))}
    >
      <h3>Next action</h3>
      {failure && <Alert tone="error">{failure}</Alert>}
      <TextField label="What happens next" hint="For example: call back with two clinic options" error={errors.what?.message} {...form.register('what')} />
      <LondonDateTimeField control={form.control} name="dueAt" label="Due" />
      <Button type="submit" variant="secondary" isBusy={save.isPending}>
        Set next action
      </Button>
      {save.isSuccess && !form.formState.isDirty && <p role="status" className="muted">Saved.</p>}
    </form>
  );
}
