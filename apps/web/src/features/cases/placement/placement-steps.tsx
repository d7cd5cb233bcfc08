import { CHECK_IN_DAYS } from '@harbour/shared/aftercare';
import { formatPence } from '@harbour/shared/format';
import { londonDayOf } from '@harbour/shared/london-day';
import { can } from '@harbour/shared/permissions';
import { admitPlacementSchema, confirmPlacementSchema, dischargeOutcomeOptions, dischargePlacementSchema } from '@harbour/shared/placements';
import type { Role } from '@harbour/shared/roles';
import { checkStageMove } from '@harbour/shared/stages';
import { toUkDate } from '@harbour/shared/uk-date';
import { useMutation } from '@tanstack/react-query';
import { useId, type FormEventHandler, type ReactNode } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { FormChoiceGroup } from '../../../components/ui/form-choice-group';
import { TextField } from '../../../components/ui/text-field';
import { useZodForm } from '../../../lib/form';
import { useTRPC } from '../../../lib/trpc';
import type { Announce, CaseRecord, Placement } from './placement-words';
import { StepProblems, useStepOutcome } from './step-outcome';

type StepProps = { placement: Placement; record: CaseRecord; user: { role: Role }; onDone: Announce };

/** The one step a placement can take next; an admission ends with a discharge, never a cancellation. */
export function NextStep(props: StepProps) {
  switch (props.placement.status) {
    case 'proposed':
      return <ConfirmStep {...props} />;
    case 'confirmed':
      return <AdmitStep {...props} />;
    case 'admitted':
      return <DischargeStep {...props} />;
    default:
      return null;
  }
}

// Typed the UK way; the shared schema reads it as a London calendar day.
const todayInUk = () => toUkDate(londonDayOf(new Date()));
const dayHint = (rule: string) => `Day/month/year, like 28/11/2026; today is filled in. ${rule}.`;

function StepForm({ title, onSubmit, children }: { title: string; onSubmit: FormEventHandler<HTMLFormElement>; children: ReactNode }) {
  const headingId = useId();
  return (
    <form className="placement-step" noValidate aria-labelledby={headingId} onSubmit={onSubmit}>
      <h4 id={headingId}>{title}</h4>
      {children}
    </form>
  );
}

function ConfirmStep({ placement, record, onDone }: StepProps) {
  const trpc = useTRPC();
  const form = useZodForm(confirmPlacementSchema, { id: placement.id, version: placement.version });
  const outcome = useStepOutcome(form);
  const confirm = useMutation(
    trpc.placements.confirm.mutationOptions({
      onSuccess: ({ feePence }) =>
        outcome.succeeded(() =>
          onDone(`Placement confirmed with ${placement.clinicName}: the service’s fee is ${formatPence(feePence)}, worked out from the clinic’s terms and now frozen.`),
        ),
      onError: outcome.failed,
    }),
  );
  return (
    // The version on screen now, not when the form first drew: the case page updates live.
    <StepForm title="Next: confirm with the clinic" onSubmit={outcome.submitWith((values) => confirm.mutate({ ...values, version: placement.version }))}>
      <p>
        Confirm once {placement.clinicName} has agreed to take {record.clientName}. The service’s fee is then worked out from the clinic’s fee terms
        and frozen: a later change to the terms will not alter it.
      </p>
      <StepProblems outcome={outcome} />
      <Button type="submit" isBusy={confirm.isPending}>
        Confirm with clinic
      </Button>
    </StepForm>
  );
}

function AdmitStep({ placement, record, user, onDone }: StepProps) {
  const trpc = useTRPC();
  const form = useZodForm(admitPlacementSchema, { id: placement.id, version: placement.version, admittedOn: todayInUk() });
  const outcome = useStepOutcome(form);
  const admit = useMutation(
    trpc.placements.admit.mutationOptions({
      onSuccess: () => outcome.succeeded(() => onDone(`Admission recorded: the case is now in Placement and ${placement.clinicName} has one bed fewer.`)),
      onError: outcome.failed,
    }),
  );
  // The server moves the case on with the admission, under the stage rules: say what stops it before the adviser tries.
  const move = record.stage === 'assessment' ? checkStageMove(record.stageFacts, { to: 'placement' }, can(user.role, 'cases:supervise')) : null;
  // A count of none was out of date if the clinic has taken them: the admission still goes ahead.
  const beds = placement.clinicBedsAvailable === 0 ? 'none free by the last count' : `${placement.clinicBedsAvailable} free now`;
  return (
    <StepForm title="Next: record the admission" onSubmit={outcome.submitWith((values) => admit.mutate({ ...values, version: placement.version }))}>
      <p>
        Record it when {record.clientName} has arrived at {placement.clinicName}. It takes one of the clinic’s beds ({beds}) and{' '}
        {record.stage === 'placement' ? 'keeps the case in Placement' : 'moves the case to Placement'}.
      </p>
      {move && !move.allowed && (
        <Alert tone="info" title="The case cannot move to Placement yet">
          {move.why}. Put that right first; then the admission can be recorded.
        </Alert>
      )}
      <TextField
        label="Admission date"
        // A placement arranged by phone may be written up late, so the server takes any day so far.
        hint={dayHint('Any day up to today, even before the proposal was recorded')}
        inputMode="numeric"
        autoComplete="off"
        error={form.formState.errors.admittedOn?.message}
        {...form.register('admittedOn')}
      />
      <StepProblems outcome={outcome} />
      <Button type="submit" isBusy={admit.isPending} disabled={move ? !move.allowed : false}>
        Record admission
      </Button>
    </StepForm>
  );
}

function DischargeStep({ placement, onDone }: StepProps) {
  const trpc = useTRPC();
  const form = useZodForm(dischargePlacementSchema, { id: placement.id, version: placement.version, dischargedOn: todayInUk(), outcome: undefined as never });
  const outcome = useStepOutcome(form);
  const days = `${CHECK_IN_DAYS.slice(0, -1).join(', ')} and ${CHECK_IN_DAYS[CHECK_IN_DAYS.length - 1]} days`;
  const discharge = useMutation(
    trpc.placements.discharge.mutationOptions({
      onSuccess: (_data, sent) =>
        outcome.succeeded(() =>
          onDone(
            `Discharge recorded: the case is now in Aftercare, ${placement.clinicName} has the bed free again and check-ins are booked for ${days} after ${toUkDate(String(sent.dischargedOn))}.`,
          ),
        ),
      onError: outcome.failed,
    }),
  );
  return (
    <StepForm title="Next: record the discharge" onSubmit={outcome.submitWith((values) => discharge.mutate({ ...values, version: placement.version }))}>
      <p>
        Recording the discharge frees the bed at {placement.clinicName}, moves the case to Aftercare and books check-ins at {days} after the discharge
        date.
      </p>
      <TextField
        label="Discharge date"
        hint={dayHint(`Not before ${placement.admittedOn ? `${toUkDate(placement.admittedOn)}, the admission` : 'the admission'}`)}
        inputMode="numeric"
        autoComplete="off"
        error={form.formState.errors.dischargedOn?.message}
        {...form.register('dischargedOn')}
      />
      <FormChoiceGroup control={form.control} name="outcome" legend="How did the placement end?" type="radio" options={dischargeOutcomeOptions} />
      <StepProblems outcome={outcome} />
      <Button type="submit" isBusy={discharge.isPending}>
        Record discharge
      </Button>
    </StepForm>
  );
}
