import { confirmBedsSchema } from '@harbour/shared/clinics';
import { formatDateTime } from '@harbour/shared/format';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/text-field';
import { useServerErrors, useZodForm } from '../../lib/form';
import { useTRPC } from '../../lib/trpc';
import type { Clinic } from './clinic-words';

/** Anyone who has just rung the clinic says how many beds are free; the server stamps who and when. */
export function ConfirmBedsForm({ clinic }: { clinic: Clinic }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirmedAt, setConfirmedAt] = useState<Date | null>(null);
  const form = useZodForm(confirmBedsSchema, { id: clinic.id, available: clinic.bedsAvailable });
  const { failure, onServerError, submitWith } = useServerErrors(form);
  const confirm = useMutation(
    trpc.clinics.confirmBeds.mutationOptions({
      onSuccess: async (saved) => {
        setConfirmedAt(saved.bedsConfirmedAt);
        await queryClient.invalidateQueries({ queryKey: trpc.clinics.pathKey() });
      },
      onError: onServerError,
    }),
  );

  return (
    <form className="beds-confirm" noValidate aria-label="Confirm free beds" onSubmit={submitWith((values) => confirm.mutate(values))}>
      <TextField
        label="Beds free now"
        hint={`Of ${clinic.bedsTotal}`}
        type="number"
        inputMode="numeric"
        min={0}
        max={clinic.bedsTotal}
        error={form.formState.errors.available?.message}
        {...form.register('available', { setValueAs: (typed: string) => (typed === '' ? Number.NaN : Number(typed)) })}
      />
      <Button type="submit" variant="secondary" isBusy={confirm.isPending}>
        Confirm free beds
      </Button>
      {failure && (
        <Alert tone="error" isFocusedOnShow>
          {failure}
        </Alert>
      )}
      {confirmedAt && !confirm.isPending && (
        <Alert tone="success" isFocusedOnShow>
          Free beds confirmed at {formatDateTime(confirmedAt)}.
        </Alert>
      )}
    </form>
  );
}
