import { confirmBedsSchema } from '@harbour/shared/clinics';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/text-field';
import { useServerErrors, useZodForm } from '../../lib/form';
import { useTRPC } from '../../lib/trpc';
import { numberFromText } from './clinic-values';
import { confirmationOf, type Clinic } from './clinic-words';

/** Anyone who has just rung the clinic says how many beds are free; the server stamps who and when. */
export function ConfirmBedsForm({ clinic }: { clinic: Clinic }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [stamp, setStamp] = useState<string | null>(null);
  const form = useZodForm(confirmBedsSchema, { id: clinic.id, available: clinic.bedsAvailable });
  const { failure, onServerError, submitWith } = useServerErrors(form);
  const confirm = useMutation(
    trpc.clinics.confirmBeds.mutationOptions({
      onSuccess: (saved) => {
        setStamp(`Free beds confirmed at ${confirmationOf(saved)}: ${saved.bedsAvailable} of ${saved.bedsTotal} free.`);
        form.reset({ id: saved.id, available: saved.bedsAvailable });
        queryClient.setQueryData(trpc.clinics.byId.queryKey({ id: saved.id }), saved);
        void queryClient.invalidateQueries({ queryKey: trpc.clinics.pathKey() });
      },
      onError: onServerError,
    }),
  );

  // A colleague's confirmation, read in the background, replaces the number unless one is being typed.
  const { isDirty } = form.formState;
  useEffect(() => {
    if (!isDirty) form.reset({ id: clinic.id, available: clinic.bedsAvailable });
  }, [clinic.id, clinic.bedsAvailable, isDirty, form]);

  const lastConfirmed = confirmationOf(clinic);
  return (
    <form className="beds-confirm" noValidate aria-label="Confirm free beds" onSubmit={submitWith((values) => confirm.mutate(values))}>
      <TextField
        label="Beds free now"
        hint={`Of ${clinic.bedsTotal}. ${lastConfirmed ? `Last confirmed ${lastConfirmed}.` : 'Never confirmed.'}`}
        type="number"
        inputMode="numeric"
        min={0}
        max={clinic.bedsTotal}
        error={form.formState.errors.available?.message}
        {...form.register('available', { setValueAs: numberFromText })}
      />
      <Button type="submit" variant="secondary" isBusy={confirm.isPending}>
        Confirm free beds
      </Button>
      {failure && (
        <Alert tone="error" isFocusedOnShow>
          {failure}
        </Alert>
      )}
      {stamp && !confirm.isPending && (
        <Alert tone="success" isFocusedOnShow>
          {stamp}
        </Alert>
      )}
    </form>
  );
}
