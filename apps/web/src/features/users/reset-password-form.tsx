import { resetPasswordSchema } from '@harbour/shared/users';
import { useMutation } from '@tanstack/react-query';
import { FormActions, FormPanel } from '../../components/ui/form-panel';
import { TextField } from '../../components/ui/text-field';
import { useServerErrors, useZodForm } from '../../lib/form';
import { useTRPC } from '../../lib/trpc';

interface ResetPasswordFormProps {
  member: { id: string; fullName: string };
  onDone: (message: string) => void;
  onCancel: () => void;
}

export function ResetPasswordForm({ member, onDone, onCancel }: ResetPasswordFormProps) {
  const trpc = useTRPC();
  const form = useZodForm(resetPasswordSchema, { id: member.id, password: '' });
  const { failure, onServerError, submitWith } = useServerErrors(form);

  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: () => onDone(`${member.fullName} has a new password and has been signed out everywhere.`),
      onError: onServerError,
    }),
  );

  return (
    <FormPanel
      title={`Set a new password for ${member.fullName}`}
      notice={failure ? { tone: 'error', message: failure } : null}
      onSubmit={submitWith((values) => reset.mutate(values))}
    >
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
      <FormActions submitLabel="Set password" busyLabel="Saving…" isBusy={reset.isPending} onCancel={onCancel} />
    </FormPanel>
  );
}
