import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useServerErrors } from '../../../lib/form';
import { errorCodeOf, messageOf, useTRPC } from '../../../lib/trpc';

/**
 * How a placement form hears back: field errors land on their fields, a colleague's step first
 * is a conflict to reload, and on success the case is read again before the adviser is told,
 * so the card already shows the step the message speaks of.
 */
export function useStepOutcome<Input extends FieldValues, Output extends FieldValues>(form: UseFormReturn<Input, unknown, Output>) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { failure, onServerError, submitWith } = useServerErrors(form);
  const [conflict, setConflict] = useState<string | null>(null);
  const [isReloading, setIsReloading] = useState(false);
  // An admission or a discharge changes a clinic's free beds: the directory is marked out of
  // date, not read again now, as a ranking on screen would be re-run (and audited) for nothing.
  const rereadCase = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.clinics.pathKey(), refetchType: 'none' }),
    ]);

  return {
    failure,
    conflict,
    isReloading,
    submitWith: (send: (values: Output) => void) =>
      submitWith((values) => {
        setConflict(null);
        send(values);
      }),
    async succeeded(announce: () => void) {
      await rereadCase();
      announce();
    },
    failed(error: unknown) {
      if (errorCodeOf(error) === 'CONFLICT') setConflict(messageOf(error));
      else onServerError(error);
    },
    async reload() {
      setIsReloading(true);
      try {
        await rereadCase();
        setConflict(null);
      } finally {
        setIsReloading(false);
      }
    },
  };
}

/** Beside the button that was pressed: what went wrong, and for a conflict, the way to catch up. */
export function StepProblems({ outcome }: { outcome: Pick<ReturnType<typeof useStepOutcome>, 'failure' | 'conflict' | 'isReloading' | 'reload'> }) {
  return (
    <>
      {outcome.failure && (
        <Alert key={outcome.failure} tone="error" isFocusedOnShow>
          {outcome.failure}
        </Alert>
      )}
      {outcome.conflict && (
        <Alert key={outcome.conflict} tone="error" title="Not done: someone else got there first" isFocusedOnShow>
          <p>{outcome.conflict}</p>
          <Button variant="secondary" isBusy={outcome.isReloading} onClick={() => void outcome.reload()}>
            Reload
          </Button>
        </Alert>
      )}
    </>
  );
}
