import { erasePersonSchema, erasureReasonOptions } from '@harbour/shared/privacy';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { SelectField } from '../../components/ui/select-field';
import { TextField } from '../../components/ui/text-field';
import { useServerErrors, useZodForm } from '../../lib/form';
import { useTRPC } from '../../lib/trpc';

interface ErasePersonFormProps {
  reference: string;
  alsoInclude: string[];
  onErased: (message: string) => void;
}

/**
 * Erasure cannot be undone, so the manager types the reference and chooses the legal ground;
 * the ground is kept in the audit trail as a code, never in anyone's words.
 */
export function ErasePersonForm({ reference, alsoInclude, onErased }: ErasePersonFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(erasePersonSchema, { reference, alsoInclude, confirmReference: '', reason: '' as never });
  const { failure, onServerError, submitWith } = useServerErrors(form);
  const erase = useMutation(
    trpc.privacy.erase.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries();
        const cases = `${result.erasedCases} ${result.erasedCases === 1 ? 'case' : 'cases'}`;
        const requests = `${result.erasedRequests} callback ${result.erasedRequests === 1 ? 'request' : 'requests'}`;
        onErased(`Erased: ${cases} and ${requests}. Their details and everything written about them are gone; the anonymous facts remain for reports.`);
      },
      onError: onServerError,
    }),
  );
  const cases = [reference, ...alsoInclude].join(', ');
  return (
    <form
      className="panel privacy-erase no-print"
      aria-labelledby="erase-heading"
      noValidate
      onSubmit={submitWith((values) => erase.mutate({ ...values, reference, alsoInclude }))}
    >
      <h2 id="erase-heading">Erase this person</h2>
      {failure && <Alert tone="error">{failure}</Alert>}
      <p>
        This removes their name, phone, email, date of birth, postcode and everything written about them from {cases}, their callback
        requests and call notes. It cannot be undone. Stage, dates, clinic, fees and outcomes stay, without them, so reports still count.
      </p>
      <SelectField
        label="Reason"
        placeholder="Choose the reason"
        options={erasureReasonOptions}
        error={form.formState.errors.reason?.message}
        {...form.register('reason')}
      />
      <TextField
        label={`Type ${reference} to confirm`}
        autoComplete="off"
        spellCheck={false}
        error={form.formState.errors.confirmReference?.message}
        {...form.register('confirmReference')}
      />
      <div className="button-row">
        <Button type="submit" variant="danger" isBusy={erase.isPending}>
          {erase.isPending ? 'Erasing…' : 'Erase for good'}
        </Button>
      </div>
    </form>
  );
}
