import { formatDateTime } from '@harbour/shared/format';
import { plainText } from '@harbour/shared/text';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { FormActions } from '../../../components/ui/form-panel';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { useServerErrors, useZodForm } from '../../../lib/form';
import { useTRPC } from '../../../lib/trpc';
import { checkInName } from './check-in-status';
import type { CheckIn } from './check-in-schedules';

// The stage rules ask a team lead for a reason to move a case back; the form asks for it first.
const reopenSchema = z.object({ reason: plainText('Reason', 500).min(1, 'Enter why the case is reopening') });

export const TEAM_LEAD_ASKED = 'A team lead has been asked to decide whether to reopen the case for a new assessment.';

/**
 * A relapse at the latest check-in: whether to reopen the case for a new assessment is a team
 * lead's decision (`canDecide`); everyone else is told it is waiting for one.
 */
export function RelapseDecision({
  caseId,
  caseVersion,
  checkIn,
  canDecide,
  onReopened,
}: {
  caseId: string;
  caseVersion: number;
  checkIn: CheckIn;
  canDecide: boolean;
  onReopened: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const form = useZodForm(reopenSchema, { reason: '' });
  const { failure, onServerError, submitWith } = useServerErrors(form);
  const reopen = useMutation(
    trpc.cases.moveStage.mutationOptions({
      onSuccess: async () => {
        onReopened();
        await queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
      },
      onError: onServerError,
    }),
  );

  return (
    <div className="relapse-decision" role="region" aria-labelledby={headingId}>
      <h3 id={headingId}>Relapse reported at the {checkInName(checkIn.daysAfter)}</h3>
      {checkIn.recordedAt && (
        <p className="muted">
          Recorded by {checkIn.recordedByName ?? 'a colleague'} at {formatDateTime(checkIn.recordedAt)}.
        </p>
      )}
      {!canDecide ? (
        <p>{TEAM_LEAD_ASKED}</p>
      ) : (
        <form
          noValidate
          aria-label="Reopen for a new assessment"
          onSubmit={submitWith(({ reason }) => reopen.mutate({ id: caseId, version: caseVersion, to: 'assessment', reason }))}
        >
          <p>Reopen the case if the client wants treatment again. Otherwise leave it in Aftercare and the check-ins carry on.</p>
          <TextAreaField
            label="Reason for reopening"
            hint="Shown on the case’s timeline"
            rows={2}
            error={form.formState.errors.reason?.message}
            {...form.register('reason')}
          />
          {failure && (
            <Alert tone="error" isFocusedOnShow>
              {failure}
            </Alert>
          )}
          <FormActions submitLabel="Reopen for a new assessment" busyLabel="Reopening…" isBusy={reopen.isPending} />
        </form>
      )}
    </div>
  );
}
