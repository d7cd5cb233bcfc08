import { changePasswordSchema } from '@harbour/shared/users';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/text-field';
import { applyServerError, useZodForm } from '../../lib/form';
import { useTRPC } from '../../lib/trpc';

export function ChangePasswordForm() {
  const trpc = useTRPC();
  const form = useZodForm(changePasswordSchema, { currentPassword: '', newPassword: '', confirmPassword: '' });
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; message: string } | null>(null);

  const change = useMutation(
    trpc.users.changeOwnPassword.mutationOptions({
      onSuccess: ({ otherSessionsEnded }) => {
        form.reset();
        const others =
          otherSessionsEnded === 0
            ? ''
            : ` You have been signed out of ${otherSessionsEnded} other ${otherSessionsEnded === 1 ? 'session' : 'sessions'}.`;
        setOutcome({ tone: 'success', message: `Your password has been changed.${others}` });
      },
      onError: (error) => {
        const message = applyServerError(form, error);
        setOutcome(message ? { tone: 'error', message } : null);
      },
    }),
  );

  const { errors } = form.formState;
  return (
    <form
      className="panel"
      aria-labelledby="change-password-heading"
      noValidate
      onSubmit={form.handleSubmit((values) => {
        setOutcome(null);
        change.mutate(values);
      })}
    >
      <h2 id="change-password-heading">Change your password</h2>
      {outcome && <Alert tone={outcome.tone}>{outcome.message}</Alert>}
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword?.message}
        {...form.register('currentPassword')}
      />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. A short sentence is easy to remember and hard to guess."
        error={errors.newPassword?.message}
        {...form.register('newPassword')}
      />
      <TextField
        label="New password again"
        type="password"
        autoComplete="new-password"
        error={errors.confirmPassword?.message}
        {...form.register('confirmPassword')}
      />
      <Button type="submit" isBusy={change.isPending}>
        {change.isPending ? 'Changing…' : 'Change password'}
      </Button>
    </form>
  );
}
