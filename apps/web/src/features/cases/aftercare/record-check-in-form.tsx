import { checkInOutcomeLabels, checkInOutcomeOptions, recordCheckInSchema, type CheckInOutcome } from '@harbour/shared/aftercare';
import { toUkDate } from '@harbour/shared/uk-date';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { Alert } from '../../../components/ui/alert';
import { FormChoiceGroup } from '../../../components/ui/form-choice-group';
import { FormActions } from '../../../components/ui/form-panel';
import type { UnsavedLine } from '../../../components/ui/section-conflict';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { useServerErrors, useZodForm } from '../../../lib/form';
import { sendOnSaveShortcut } from '../../../lib/save-shortcut';
import { errorCodeOf, messageOf, useTRPC } from '../../../lib/trpc';
import { checkInName, DueNowBadge } from './check-in-status';
import type { CheckIn } from './check-in-schedules';

export interface RecordedCheckIn {
  id: string;
  daysAfter: number;
  outcome: CheckInOutcome;
  notes: string | null;
  recordedAt: Date;
}

/**
 * How the check-in call went. A colleague may have recorded it first: then what was typed here
 * goes to `onConflict`, to be shown once the case is reloaded, as this form gives way to the next.
 */
export function RecordCheckInForm({
  checkIn,
  now,
  onRecorded,
  onConflict,
}: {
  checkIn: CheckIn;
  now: Date;
  onRecorded: (recorded: RecordedCheckIn) => void;
  onConflict: (message: string, typed: UnsavedLine[]) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const form = useZodForm(recordCheckInSchema, { id: checkIn.id, version: checkIn.version, outcome: undefined as never, notes: '' });
  const { failure, onServerError, submitWith } = useServerErrors(form);
  const record = useMutation(
    trpc.aftercare.recordCheckIn.mutationOptions({
      onSuccess: async (_result, sent) => {
        onRecorded({ id: checkIn.id, daysAfter: checkIn.daysAfter, outcome: sent.outcome, notes: sent.notes ?? null, recordedAt: new Date() });
        await queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
      },
      onError: (error) => {
        if (errorCodeOf(error) !== 'CONFLICT') return onServerError(error);
        const typed = form.getValues();
        onConflict(messageOf(error), [
          { label: 'Outcome', value: typed.outcome ? checkInOutcomeLabels[typed.outcome] : 'Not chosen' },
          { label: 'Notes', value: typed.notes || 'None' },
        ]);
      },
    }),
  );

  return (
    <div className="aftercare-part">
      <h3 id={headingId}>Record the {checkInName(checkIn.daysAfter)}</h3>
      <p>
        Due {toUkDate(checkIn.dueOn)} <DueNowBadge dueOn={checkIn.dueOn} now={now} />
      </p>
      <form noValidate aria-labelledby={headingId} onKeyDown={sendOnSaveShortcut} onSubmit={submitWith((values) => record.mutate(values))}>
        <FormChoiceGroup control={form.control} name="outcome" legend="How is the client doing?" type="radio" columns={2} options={checkInOutcomeOptions} />
        <TextAreaField
          label="Notes on the call (optional)"
          hint="What they told you, and anything the next call should know"
          error={form.formState.errors.notes?.message}
          {...form.register('notes')}
        />
        {failure && (
          <Alert tone="error" isFocusedOnShow>
            {failure}
          </Alert>
        )}
        <FormActions submitLabel="Record check-in" busyLabel="Recording…" isBusy={record.isPending} />
      </form>
    </div>
  );
}
