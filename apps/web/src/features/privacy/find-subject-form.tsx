import { findSubjectSchema } from '@harbour/shared/privacy';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/text-field';
import { useZodForm } from '../../lib/form';

/** The case reference a request starts from, e.g. the one on a letter or in an email. */
export function FindSubjectForm({ reference, onFind }: { reference: string; onFind: (reference: string) => void }) {
  const form = useZodForm(findSubjectSchema, { reference });
  return (
    <form className="panel no-print" aria-label="Find a person" noValidate onSubmit={form.handleSubmit((values) => onFind(values.reference))}>
      <h2>Find the person</h2>
      <div className="inline-form">
        <TextField
          label="Case reference"
          hint="Any of their cases, like H-2026-00042. Other cases with the same phone number or email are listed to choose from."
          autoComplete="off"
          error={form.formState.errors.reference?.message}
          {...form.register('reference')}
        />
        <Button type="submit">Find</Button>
      </div>
    </form>
  );
}
