import { fundingRouteOptions, updateFinancesSchema } from '@harbour/shared/assessment';
import { formatDateTime, formatPence } from '@harbour/shared/format';
import { useMutation } from '@tanstack/react-query';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { Alert } from '../../components/ui/alert';
import { FormActions } from '../../components/ui/form-panel';
import { MoneyField } from '../../components/ui/money-field';
import { SelectField } from '../../components/ui/select-field';
import { TextAreaField } from '../../components/ui/text-area-field';
import { TextField } from '../../components/ui/text-field';
import { useServerErrors, useZodForm } from '../../lib/form';
import { sendOnSaveShortcut } from '../../lib/save-shortcut';
import { useSectionSave } from './use-section-save';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { SectionConflict, type UnsavedLine } from '../../components/ui/section-conflict';
import { useConflictReload } from '../../components/ui/use-conflict-reload';

type CaseRecord = RouterOutputs['cases']['byReference'];
type FinancesValues = z.input<typeof updateFinancesSchema>;

function financesValuesOf(record: CaseRecord): FinancesValues {
  return {
    id: record.id,
    version: record.financesVersion,
    finances: {
      fundingRoute: record.fundingRoute ?? undefined,
      budgetMinPence: record.budgetMinPence ?? undefined,
      budgetMaxPence: record.budgetMaxPence ?? undefined,
      insurer: record.insurer ?? '',
      // A masked number is never sent back: the server keeps what it holds.
      policyNumber: record.isPolicyNumberMasked ? undefined : (record.policyNumber ?? ''),
      whoPays: record.whoPays ?? '',
      notes: record.financeNotes ?? '',
    },
  };
}

const moneyText = (pence: number | null | undefined) => (typeof pence === 'number' && Number.isFinite(pence) ? formatPence(pence) : 'Not given');

function describeFinances({ finances }: FinancesValues): UnsavedLine[] {
  return [
    { label: 'Funding route', value: fundingRouteOptions.find((option) => option.value === finances.fundingRoute)?.label ?? 'Not given' },
    { label: 'Lowest budget', value: moneyText(finances.budgetMinPence) },
    { label: 'Highest budget', value: moneyText(finances.budgetMaxPence) },
    { label: 'Insurer', value: finances.insurer || 'Not given' },
    { label: 'Policy number', value: finances.policyNumber || 'Not given' },
    { label: 'Who pays', value: finances.whoPays || 'Not given' },
    { label: 'Finance notes', value: finances.notes || 'None' },
  ];
}

export function FinancesSection({ record, onReload }: { record: CaseRecord; onReload: () => Promise<CaseRecord | undefined> }) {
  const trpc = useTRPC();
  const form = useZodForm(updateFinancesSchema, financesValuesOf(record));
  const { failure, onServerError, submitWith } = useServerErrors(form);
  const conflict = useConflictReload(form as unknown as UseFormReturn<FinancesValues, unknown, FieldValues>, describeFinances, async () => {
    const fresh = await onReload();
    return fresh && financesValuesOf(fresh);
  });
  const saved = useSectionSave(form as unknown as UseFormReturn<FieldValues, unknown, FieldValues>, conflict, onServerError);
  const save = useMutation(trpc.cases.updateFinances.mutationOptions({ onSuccess: saved.onSuccess, onError: saved.onError }));
  const errors = form.formState.errors.finances;
  const route = form.watch('finances.fundingRoute');
  const isReadOnly = !record.canChange;

  return (
    <section className="panel case-section" id="finances" aria-labelledby="finances-heading">
      <h2 id="finances-heading">Finances</h2>
      <form noValidate aria-labelledby="finances-heading" onKeyDown={sendOnSaveShortcut} onSubmit={submitWith((values) => save.mutate(values))}>
        {!record.canChange && <p className="muted">Only {record.assignedAdviserName ?? 'the case’s adviser'} or a team lead can change the finances.</p>}
        <fieldset className="fieldset" disabled={isReadOnly}>
          <legend className="visually-hidden">Funding</legend>
          <SelectField
            label="Funding route"
            placeholder="Not discussed yet"
            options={fundingRouteOptions}
            error={errors?.fundingRoute?.message}
            {...form.register('finances.fundingRoute', { setValueAs: (value: string) => value || undefined })}
          />
          <div className="field-row">
            <MoneyField control={form.control} name="finances.budgetMinPence" label="Budget from (£)" hint="For the whole treatment, in pounds" />
            <MoneyField control={form.control} name="finances.budgetMaxPence" label="Budget up to (£)" hint="For the whole treatment, in pounds" />
          </div>
          {(route === 'private_medical_insurance' || route === 'employer' || record.insurer || record.policyNumber) && (
            <div className="field-row">
              <TextField label="Insurer" autoComplete="off" error={errors?.insurer?.message} {...form.register('finances.insurer')} />
              {record.isPolicyNumberMasked ? (
                <div className="field">
                  <span className="field__label">Policy number</span>
                  <p className="field__hint">Shown in full only to the case's adviser and managers.</p>
                  <p className="masked-value">{record.policyNumber}</p>
                </div>
              ) : (
                <TextField label="Policy number" autoComplete="off" error={errors?.policyNumber?.message} {...form.register('finances.policyNumber')} />
              )}
            </div>
          )}
          <TextField label="Who pays" hint="For example the client, their parents, their employer" error={errors?.whoPays?.message} {...form.register('finances.whoPays')} />
          <TextAreaField label="Finance notes (optional)" error={errors?.notes?.message} {...form.register('finances.notes')} />
        </fieldset>
        {/* Beside the button that was pressed, where the adviser is looking. */}
        {failure && (
          <Alert tone="error" isFocusedOnShow>
            {failure}
          </Alert>
        )}
        {saved.savedAt && !form.formState.isDirty && <Alert tone="success" isFocusedOnShow>Finances saved at {formatDateTime(saved.savedAt).slice(-5)}.</Alert>}
        <SectionConflict message={conflict.message} unsaved={conflict.unsaved} isReloading={conflict.isReloading} onReload={() => void conflict.reloadTheirs()} />
        {!isReadOnly && <FormActions submitLabel="Save finances" busyLabel="Saving…" isBusy={save.isPending} />}
      </form>
    </section>
  );
}
