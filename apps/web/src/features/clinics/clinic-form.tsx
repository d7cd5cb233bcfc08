import {
  acceptedFundingRouteOptions,
  clinicInputSchema,
  feeKindOptions,
  ratingOptions,
  regulatorFor,
  regulatorLabels,
  ratingLabels,
  serviceOptions,
  type ClinicInput,
} from '@harbour/shared/clinics';
import type { Region } from '@harbour/shared/regions';
import { regions } from '@harbour/shared/regions';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { SubstanceChoices } from '../../components/substance-choices';
import { Alert } from '../../components/ui/alert';
import { FormActions } from '../../components/ui/form-panel';
import { FormChoiceGroup } from '../../components/ui/form-choice-group';
import { MoneyField } from '../../components/ui/money-field';
import { NumberListField } from '../../components/ui/number-list-field';
import { SectionConflict, type UnsavedLine } from '../../components/ui/section-conflict';
import { SelectField } from '../../components/ui/select-field';
import { TextField } from '../../components/ui/text-field';
import { useConflictReload } from '../../components/ui/use-conflict-reload';
import { useServerErrors, useZodForm } from '../../lib/form';
import { sendOnSaveShortcut } from '../../lib/save-shortcut';
import { isHarbourError, useTRPC } from '../../lib/trpc';
import { clinicValuesOf, numberFromText } from './clinic-values';
import { feeTermsOf, weeklyPriceOf, type Clinic } from './clinic-words';

const yesNo = [
  { value: true, label: 'Yes' },
  { value: false, label: 'No' },
];

/** A refusal about one field (a location ID already listed) belongs at that field, not in a conflict banner. */
const isAboutAField = (error: unknown) => isHarbourError(error) && Object.keys(error.data?.fieldErrors ?? {}).length > 0;

/**
 * A manager adds a clinic or edits one. One form for both; Ctrl+S saves. A colleague's edit in
 * between is a conflict that keeps what this manager typed.
 */
export function ClinicForm({ clinic, onSaved, onCancel }: { clinic?: Clinic; onSaved: (saved: Clinic) => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(clinicInputSchema, clinicValuesOf(clinic));
  const { failure, onServerError, submitWith } = useServerErrors(form);
  // The version this manager's answers are based on: the one opened, or the one reloaded after a
  // conflict. Never the cache's latest, which a background refetch would move on silently.
  const [version, setVersion] = useState(clinic?.version ?? 1);
  const conflict = useConflictReload(form as unknown as UseFormReturn<ClinicInput, unknown, FieldValues>, describeClinic, async () => {
    if (!clinic) return undefined;
    const fresh = await queryClient.fetchQuery(trpc.clinics.byId.queryOptions({ id: clinic.id }, { staleTime: 0 }));
    setVersion(fresh.version);
    return clinicValuesOf(fresh);
  });
  const conflictArea = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (conflict.message) conflictArea.current?.focus();
  }, [conflict.message]);
  const saved = (result: Clinic) => {
    // The page shows what was saved at once; lists and matches that show the clinic are read again.
    queryClient.setQueryData(trpc.clinics.byId.queryKey({ id: result.id }), result);
    void queryClient.invalidateQueries({ queryKey: trpc.clinics.pathKey() });
    onSaved(result);
  };
  const create = useMutation(trpc.clinics.create.mutationOptions({ onSuccess: saved, onError: onServerError }));
  const update = useMutation(
    trpc.clinics.update.mutationOptions({
      onSuccess: saved,
      onError: (error) => {
        if (isAboutAField(error) || !conflict.caught(error)) onServerError(error);
      },
    }),
  );
  const errors = form.formState.errors;
  const feeKind = form.watch('feeTerms.kind');
  const region = form.watch('region');

  const send = submitWith((values) => {
    if (!clinic) create.mutate(values);
    else update.mutate({ id: clinic.id, version, clinic: values });
  });

  return (
    <form className="panel" noValidate aria-labelledby="clinic-form-heading" onKeyDown={sendOnSaveShortcut} onSubmit={send}>
      <h2 id="clinic-form-heading">{clinic ? `Edit ${clinic.name}` : 'The new clinic’s details'}</h2>
      <fieldset className="fieldset">
        <legend>The clinic</legend>
        <TextField label="Clinic name" autoComplete="off" error={errors.name?.message} {...form.register('name')} />
        <div className="field-row">
          <SelectField
            label="Region"
            placeholder="Choose a region"
            options={regions}
            error={errors.region?.message}
            {...form.register('region', {
              // The regulator follows the country: HIW in Wales, the CQC in England.
              onChange: (event: { target: { value: string } }) => {
                if (event.target.value) form.setValue('regulator', regulatorFor(event.target.value as Region));
              },
            })}
          />
          <TextField label="Town" error={errors.town?.message} {...form.register('town')} />
          <TextField label="Postcode" autoComplete="off" error={errors.postcode?.message} {...form.register('postcode')} />
        </div>
        <p className="muted">Regulator: {region ? regulatorLabels[regulatorFor(region)] : 'set by the region'}{errors.regulator && <span className="text-danger"> – {errors.regulator.message}</span>}</p>
        <div className="field-row">
          <TextField
            label="Location ID"
            hint="CQC location IDs look like 1-101681479"
            autoComplete="off"
            error={errors.locationId?.message}
            {...form.register('locationId')}
          />
          <SelectField label="Latest rating" options={ratingOptions} error={errors.rating?.message} {...form.register('rating')} />
        </div>
        <div className="field-row">
          <TextField label="Phone" type="tel" autoComplete="off" error={errors.phone?.message} {...form.register('phone')} />
          <TextField label="Admissions email (optional)" type="email" autoComplete="off" error={errors.email?.message} {...form.register('email')} />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>Treatment</legend>
        <FormChoiceGroup control={form.control} name="services" legend="Services" type="checkbox" columns={2} options={serviceOptions} />
        <SubstanceChoices control={form.control} name="substances" legend="Substances treated" />
        <FormChoiceGroup control={form.control} name="isDualDiagnosisCapable" legend="Can it treat a dual diagnosis?" type="radio" isInline options={yesNo} />
        <NumberListField control={form.control} name="programmeLengthsDays" label="Programme lengths (days)" hint="Separate them with commas, like 28, 42, 56" />
      </fieldset>
      <fieldset className="fieldset">
        <legend>Money</legend>
        <div className="field-row">
          <MoneyField control={form.control} name="weeklyPriceMinPence" label="Lowest weekly price (£)" />
          <MoneyField control={form.control} name="weeklyPriceMaxPence" label="Highest weekly price (£)" />
        </div>
        <FormChoiceGroup control={form.control} name="fundingRoutes" legend="Funding accepted" type="checkbox" columns={2} options={acceptedFundingRouteOptions} />
        <FormChoiceGroup control={form.control} name="feeTerms.kind" legend="How the clinic pays our fee" type="radio" options={feeKindOptions} />
        {feeKind === 'percentage' ? (
          <TextField
            label="Fee (% of the programme price)"
            inputMode="decimal"
            autoComplete="off"
            error={(errors.feeTerms as { percent?: { message?: string } } | undefined)?.percent?.message}
            {...form.register('feeTerms.percent', { setValueAs: numberFromText })}
          />
        ) : (
          <MoneyField control={form.control} name="feeTerms.pence" label="Fixed fee per admission (£)" />
        )}
      </fieldset>
      <fieldset className="fieldset">
        <legend>Beds</legend>
        <div className="field-row">
          <TextField label="Beds in total" type="number" inputMode="numeric" min={0} error={errors.bedsTotal?.message} {...form.register('bedsTotal', { setValueAs: numberFromText })} />
          <TextField
            label="Beds free now"
            hint="Saving a new number confirms it, with your name and the time"
            type="number"
            inputMode="numeric"
            min={0}
            error={errors.bedsAvailable?.message}
            {...form.register('bedsAvailable', { setValueAs: numberFromText })}
          />
        </div>
        <FormChoiceGroup control={form.control} name="isActive" legend="Is the clinic taking referrals?" hint="An inactive clinic is shown in matching as excluded" type="radio" isInline options={yesNo} />
      </fieldset>
      {failure && (
        <Alert tone="error" isFocusedOnShow>
          {failure}
        </Alert>
      )}
      <div ref={conflictArea} tabIndex={-1}>
        <SectionConflict
          message={conflict.message}
          unsaved={conflict.unsaved}
          isReloading={conflict.isReloading}
          // The reload button goes once their version is in: focus moves to what was typed instead.
          onReload={() => void conflict.reloadTheirs().then(() => conflictArea.current?.focus())}
        />
      </div>
      <FormActions submitLabel={clinic ? 'Save clinic' : 'Add clinic'} busyLabel="Saving…" isBusy={create.isPending || update.isPending} onCancel={onCancel} />
    </form>
  );
}

/** The form's answers in words, for listing what this manager typed after a conflict. */
function describeClinic(values: ClinicInput): UnsavedLine[] {
  return [
    { label: 'Clinic name', value: values.name },
    { label: 'Town', value: values.town },
    { label: 'Postcode', value: values.postcode ?? '' },
    { label: 'Phone', value: values.phone },
    { label: 'Rating', value: ratingLabels[values.rating] },
    { label: 'Programme lengths', value: values.programmeLengthsDays.join(', ') },
    { label: 'Weekly price', value: weeklyPriceOf(values) },
    { label: 'Beds', value: `${values.bedsAvailable} free of ${values.bedsTotal}` },
    { label: 'Our fee', value: feeTermsOf(values.feeTerms) },
    { label: 'Active', value: values.isActive ? 'Yes' : 'No' },
  ];
}
