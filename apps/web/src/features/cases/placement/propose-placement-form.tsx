import { programmePriceOf, type Service } from '@harbour/shared/clinics';
import { formatPence } from '@harbour/shared/format';
import { proposePlacementSchema } from '@harbour/shared/placements';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { useWatch } from 'react-hook-form';
import { Alert } from '../../../components/ui/alert';
import { FormActions } from '../../../components/ui/form-panel';
import { MoneyField } from '../../../components/ui/money-field';
import { SelectField } from '../../../components/ui/select-field';
import { useZodForm } from '../../../lib/form';
import { useTRPC } from '../../../lib/trpc';
import { placeableServiceOptions, programmeInSentence, weeklyRangeOf, type Announce, type CaseRecord, type MatchedClinic } from './placement-words';
import { StepProblems, useStepOutcome } from './step-outcome';

export type Chosen = { programme?: Service; lengthDays?: number };

/** What the adviser searched for, if this clinic offers it; else residential rehab and the shortest stay. */
function defaultsFor(clinic: MatchedClinic, chosen: Chosen) {
  const offered = placeableServiceOptions.filter((option) => clinic.services.includes(option.value)).map((option) => option.value);
  const programme = chosen.programme && offered.includes(chosen.programme) ? chosen.programme : offered.includes('residential_rehab') ? 'residential_rehab' : offered[0];
  const lengthDays = chosen.lengthDays && clinic.programmeLengthsDays.includes(chosen.lengthDays) ? chosen.lengthDays : clinic.programmeLengthsDays[0];
  return { offered, programme, lengthDays };
}

const isAmount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export function ProposePlacementForm({
  clinic,
  record,
  chosen,
  onDone,
  onClose,
}: {
  clinic: MatchedClinic;
  record: CaseRecord;
  chosen: Chosen;
  onDone: Announce;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const headingId = useId();
  const { offered, programme, lengthDays } = defaultsFor(clinic, chosen);
  const form = useZodForm(proposePlacementSchema, {
    caseId: record.id,
    clinicId: clinic.id,
    programme: programme as Service,
    lengthDays: lengthDays as number,
    weeklyPricePence: clinic.weeklyPriceMinPence,
  });
  const outcome = useStepOutcome(form);
  const propose = useMutation(
    trpc.placements.propose.mutationOptions({
      onSuccess: (_data, sent) =>
        outcome.succeeded(() =>
          onDone(
            `${clinic.name} proposed: ${programmeInSentence(sent.programme)} for ${sent.lengthDays} days at ${formatPence(sent.weeklyPricePence)} a week. Confirm with the clinic once it agrees to take ${record.clientName}.`,
          ),
        ),
      onError: outcome.failed,
    }),
  );
  const { errors } = form.formState;

  const { setFocus } = form;
  useEffect(() => setFocus('programme'), [setFocus]);

  // Not about a field on this form (the clinic went inactive, say): said above the buttons.
  const recordError = errors.clinicId?.message ?? errors.caseId?.message;
  return (
    <form className="propose-form" noValidate aria-labelledby={headingId} onSubmit={outcome.submitWith((values) => propose.mutate(values))}>
      <h5 id={headingId}>Propose {clinic.name}</h5>
      <div className="field-row">
        <SelectField
          label="Programme"
          placeholder={offered.length === 0 ? 'No programme to place on' : undefined}
          options={placeableServiceOptions.filter((option) => offered.includes(option.value))}
          error={errors.programme?.message}
          {...form.register('programme')}
        />
        <SelectField
          label="Length"
          options={clinic.programmeLengthsDays.map((days) => ({ value: String(days), label: `${days} days` }))}
          error={errors.lengthDays?.message}
          {...form.register('lengthDays', { valueAsNumber: true })}
        />
      </div>
      <MoneyField control={form.control} name="weeklyPricePence" label="Weekly price (£)" hint={`${clinic.name} charges ${weeklyRangeOf(clinic)}`} />
      <ProgrammePrice control={form.control} budgetMaxPence={record.budgetMaxPence} />
      {recordError && (
        <Alert key={recordError} tone="error" isFocusedOnShow>
          {recordError}
        </Alert>
      )}
      <StepProblems outcome={outcome} />
      <FormActions submitLabel="Propose this clinic" busyLabel="Proposing…" isBusy={propose.isPending} onCancel={onClose} />
    </form>
  );
}

/** The price of the whole programme as the adviser types, against the budget if there is one. */
function ProgrammePrice({ control, budgetMaxPence }: { control: ReturnType<typeof useZodForm<typeof proposePlacementSchema>>['control']; budgetMaxPence: number | null }) {
  const [weekly, lengthDays] = useWatch({ control, name: ['weeklyPricePence', 'lengthDays'] });
  if (!isAmount(weekly) || !isAmount(lengthDays)) {
    return (
      <p className="programme-price" role="status">
        Enter a weekly price to see the programme price.
      </p>
    );
  }
  const price = programmePriceOf(weekly, lengthDays);
  const budget =
    budgetMaxPence === null
      ? ' No budget is recorded.'
      : price <= budgetMaxPence
        ? ` Within the budget of ${formatPence(budgetMaxPence)}.`
        : ` ${formatPence(price - budgetMaxPence)} over the budget of ${formatPence(budgetMaxPence)}.`;
  return (
    <p className="programme-price" role="status">
      Programme price: <strong>{formatPence(price)}</strong> for {lengthDays} days.{budget}
    </p>
  );
}
