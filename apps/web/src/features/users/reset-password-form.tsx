import { resetPasswordSchema } from '@harbour/shared/users';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/text-field';
import { applyServerError, useZodForm } from '../../lib/form';
import { useTRPC } from '../../lib/trpc';

interface ResetPasswordFormProps {
  member: { id: string; fullName: string };
  onDone: (message: string) => void;
  onCancel: () => void;
}

export function ResetPasswordForm({ member, onDone, onCancel }: ResetPasswordFormProps) {
  const trpc = useTRPC();
  const form = useZodForm(resetPasswordSchema, { id: member.id, password: '' });
  const [failure, setFailure] = useState<string | null>(null);

  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: () => onDone(`${member.fullName} has a new password and has been signed out everywhere.`),
      onError: (error) => setFailure(applyServerError(form, error)),
    }),
  );

  return (
    <form
      className="panel"
      aria-labelledby="reset-password-heading"
      noValidate
      onSubmit={form.handleSubmit((values) => {
        setFailure(null);
        reset.mutate(values);
      })}
    >
      <h2 id="reset-password-heading">Set a new password for {member.fullName}</h2>
      {failure && <Alert tone="error">{failure}</Alert>}
      <p className="muted">This also lifts a lock from wrong passwords and signs them out everywhere.</p>
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        autoFocus
        hint="At least 12 characters. Tell them in person or by phone, never by email."
        error={form.formState.errors.password?.message}
        {...form.register('password')}
      />
      <div className="button-row">
        <Button type="submit" isBusy={reset.isPending}>
          {reset.isPending ? 'Saving…' : 'Set password'}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
