import { saveAftercarePlanSchema, supportGroupLabels, supportGroupOptions } from '@harbour/shared/aftercare';
import { formatDateTime } from '@harbour/shared/format';
import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { FormChoiceGroup } from '../../../components/ui/form-choice-group';
import { FormActions } from '../../../components/ui/form-panel';
import { SectionConflict, type UnsavedLine } from '../../../components/ui/section-conflict';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { useConflictReload } from '../../../components/ui/use-conflict-reload';
import { useServerErrors, useZodForm } from '../../../lib/form';
import { sendOnSaveShortcut } from '../../../lib/save-shortcut';
import { useSectionSave } from '../use-section-save';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';
import { PlanSavedBy } from './aftercare-plan-summary';
import { useReloadCase } from './use-reload-case';

type CaseRecord = RouterOutputs['cases']['byReference'];
type PlanValues = z.input<typeof saveAftercarePlanSchema>;

function planValuesOf(record: CaseRecord): PlanValues {
  const plan = record.aftercare.plan;
  return {
    caseId: record.id,
    // 0 until the first save: the server refuses a first save over someone else's.
    version: plan?.version ?? 0,
    plan: {
      supportGroups: plan?.supportGroups ?? [],
      localServices: plan?.localServices ?? '',
      therapy: plan?.therapy ?? '',
      notes: plan?.notes ?? '',
    },
  };
}

function describePlan({ plan }: PlanValues): UnsavedLine[] {
  return [
    { label: 'Support groups', value: plan.supportGroups.map((group) => supportGroupLabels[group]).join(', ') || 'None' },
    { label: 'Local services', value: plan.localServices || 'None' },
    { label: 'Therapy', value: plan.therapy || 'None' },
    { label: 'Notes', value: plan.notes || 'None' },
  ];
}

/** The plan agreed with the client for after the clinic: support groups, local services, therapy. */
export function AftercarePlanForm({ record }: { record: CaseRecord }) {
  const trpc = useTRPC();
  const headingId = useId();
  const form = useZodForm(saveAftercarePlanSchema, planValuesOf(record));
  const { failure, onServerError, submitWith } = useServerErrors(form);
  const reloadCase = useReloadCase(record.reference);
  const conflict = useConflictReload(form as unknown as UseFormReturn<PlanValues, unknown, FieldValues>, describePlan, async () =>
    planValuesOf(await reloadCase()),
  );
  const saved = useSectionSave(form as unknown as UseFormReturn<FieldValues, unknown, FieldValues>, conflict, onServerError);
  const save = useMutation(trpc.aftercare.savePlan.mutationOptions({ onSuccess: saved.onSuccess, onError: saved.onError }));
  const errors = form.formState.errors.plan;

  return (
    <div className="aftercare-part">
      <h3 id={headingId}>Aftercare plan</h3>
      <PlanSavedBy plan={record.aftercare.plan} />
      <form noValidate aria-labelledby={headingId} onKeyDown={sendOnSaveShortcut} onSubmit={submitWith((values) => save.mutate(values))}>
        <FormChoiceGroup
          control={form.control}
          name="plan.supportGroups"
          legend="Support groups"
          hint="The groups the client means to go to after the clinic"
          type="checkbox"
          columns={2}
          options={supportGroupOptions}
          error={errors?.supportGroups?.message}
        />
        <TextAreaField
          label="Local services (optional)"
          hint="For example the local drug and alcohol service, their GP, a recovery café"
          error={errors?.localServices?.message}
          {...form.register('plan.localServices')}
        />
        <TextAreaField
          label="Therapy (optional)"
          hint="Counselling or therapy arranged for after discharge"
          error={errors?.therapy?.message}
          {...form.register('plan.therapy')}
        />
        <TextAreaField label="Notes (optional)" error={errors?.notes?.message} {...form.register('plan.notes')} />
        {/* Beside the button that was pressed, where the adviser is looking. */}
        {failure && (
          <Alert tone="error" isFocusedOnShow>
            {failure}
          </Alert>
        )}
        {saved.savedAt && !form.formState.isDirty && (
          <Alert tone="success" isFocusedOnShow>
            Aftercare plan saved at {formatDateTime(saved.savedAt).slice(-5)}.
          </Alert>
        )}
        <SectionConflict message={conflict.message} unsaved={conflict.unsaved} isReloading={conflict.isReloading} onReload={() => void conflict.reloadTheirs()} />
        <FormActions submitLabel="Save plan" busyLabel="Saving…" isBusy={save.isPending} />
      </form>
    </div>
  );
}
