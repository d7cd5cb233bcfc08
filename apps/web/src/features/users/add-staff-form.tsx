import { roleLabels } from '@harbour/shared/roles';
import { createUserSchema } from '@harbour/shared/users';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormActions, FormPanel } from '../../components/ui/form-panel';
import { SelectField } from '../../components/ui/select-field';
import { TextField } from '../../components/ui/text-field';
import { useServerErrors, useZodForm } from '../../lib/form';
import { useTRPC } from '../../lib/trpc';
import { roleOptions } from './role-options';

interface AddStaffFormProps {
  onAdded: (message: string) => void;
  onCancel: () => void;
}

export function AddStaffForm({ onAdded, onCancel }: AddStaffFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(createUserSchema, { fullName: '', email: '', role: 'adviser', password: '' });
  const { failure, onServerError, submitWith } = useServerErrors(form);

  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async (user) => {
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
        form.reset();
        onAdded(`${user.fullName} can now sign in as ${roleLabels[user.role].toLowerCase()} with ${user.email}.`);
      },
      onError: onServerError,
    }),
  );

  const { errors } = form.formState;
  return (
    <FormPanel
      title="Add a colleague"
      notice={failure ? { tone: 'error', message: failure } : null}
      onSubmit={submitWith((values) => create.mutate(values))}
    >
      <div className="form-grid">
        <TextField label="Full name" autoComplete="off" autoFocus error={errors.fullName?.message} {...form.register('fullName')} />
        <TextField
          label="Email"
          type="email"
          autoComplete="off"
          spellCheck={false}
          error={errors.email?.message}
          {...form.register('email')}
        />
        <SelectField label="Role" options={roleOptions} error={errors.role?.message} {...form.register('role')} />
        <TextField
          label="First password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters. Give it to them in person or by phone; they can change it under Your account."
          error={errors.password?.message}
          {...form.register('password')}
        />
      </div>
      <FormActions submitLabel="Add colleague" busyLabel="Adding…" isBusy={create.isPending} onCancel={onCancel} />
    </FormPanel>
  );
}
