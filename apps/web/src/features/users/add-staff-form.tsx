import { roleLabels } from '@harbour/shared/roles';
import { createUserSchema } from '@harbour/shared/users';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { SelectField } from '../../components/ui/select-field';
import { TextField } from '../../components/ui/text-field';
import { applyServerError, useZodForm } from '../../lib/form';
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
  const [failure, setFailure] = useState<string | null>(null);

  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async (user) => {
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
        form.reset();
        onAdded(`${user.fullName} can now sign in as ${roleLabels[user.role].toLowerCase()} with ${user.email}.`);
      },
      onError: (error) => setFailure(applyServerError(form, error)),
    }),
  );

  const { errors } = form.formState;
  return (
    <form
      className="panel"
      aria-labelledby="add-staff-heading"
      noValidate
      onSubmit={form.handleSubmit((values) => {
        setFailure(null);
        create.mutate(values);
      })}
    >
      <h2 id="add-staff-heading">Add a colleague</h2>
      {failure && <Alert tone="error">{failure}</Alert>}
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
      <div className="button-row">
        <Button type="submit" isBusy={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add colleague'}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
