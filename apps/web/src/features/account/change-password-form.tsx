import { changePasswordSchema } from '@harbour/shared/users';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { FormActions, FormPanel } from '../../components/ui/form-panel';
import { TextField } from '../../components/ui/text-field';
import { useServerErrors, useZodForm } from '../../lib/form';
import { useTRPC } from '../../lib/trpc';

function sessionsEndedSentence(count: number): string {
  if (count === 0) return '';
  return ` You have been signed out of ${count} other ${count === 1 ? 'session' : 'sessions'}.`;
}

export function ChangePasswordForm() {
  const trpc = useTRPC();
  const form = useZodForm(changePasswordSchema, { currentPassword: '', newPassword: '', confirmPassword: '' });
  const { failure, onServerError, submitWith } = useServerErrors(form);
  const [success, setSuccess] = useState<string | null>(null);

  const change = useMutation(
    trpc.users.changeOwnPassword.mutationOptions({
      onSuccess: ({ otherSessionsEnded }) => {
        form.reset();
        setSuccess(`Your password has been changed.${sessionsEndedSentence(otherSessionsEnded)}`);
      },
      onError: onServerError,
    }),
  );

  const { errors } = form.formState;
  const passwordField = (name: 'currentPassword' | 'newPassword' | 'confirmPassword', label: string, hint?: string) => (
    <TextField
      label={label}
      type="password"
      autoComplete={name === 'currentPassword' ? 'current-password' : 'new-password'}
      hint={hint}
      error={errors[name]?.message}
      {...form.register(name)}
    />
  );
  return (
    <FormPanel
      title="Change your password"
      notice={failure ? { tone: 'error', message: failure } : success ? { tone: 'success', message: success } : null}
      onSubmit={submitWith((values) => {
        setSuccess(null);
        change.mutate(values);
      })}
    >
      {passwordField('currentPassword', 'Current password')}
      {passwordField('newPassword', 'New password', 'At least 12 characters. A short sentence is easy to remember and hard to guess.')}
      {passwordField('confirmPassword', 'New password again')}
      <FormActions submitLabel="Change password" busyLabel="Changing…" isBusy={change.isPending} />
    </FormPanel>
  );
}
