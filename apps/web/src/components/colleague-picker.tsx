import { roleLabels } from '@harbour/shared/roles';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../lib/trpc';
import { Button } from './ui/button';
import { SelectField } from './ui/select-field';

/** Choose an active colleague and hand them something: a callback request or a case. */
export function ColleaguePicker({ label, isBusy, onChoose }: { label: string; isBusy: boolean; onChoose: (colleague: { id: string; fullName: string }) => void }) {
  const trpc = useTRPC();
  const staff = useQuery(trpc.users.listActive.queryOptions());
  const [chosenId, setChosenId] = useState('');
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        const colleague = staff.data?.find((member) => member.id === chosenId);
        if (colleague) onChoose(colleague);
      }}
    >
      <SelectField
        label={label}
        placeholder={staff.isPending ? 'Loading staff…' : 'Choose a colleague'}
        options={(staff.data ?? []).map((member) => ({ value: member.id, label: `${member.fullName} (${roleLabels[member.role]})` }))}
        value={chosenId}
        onChange={(event) => setChosenId(event.target.value)}
      />
      <Button type="submit" variant="secondary" isBusy={isBusy} disabled={!chosenId}>
        Assign
      </Button>
    </form>
  );
}
