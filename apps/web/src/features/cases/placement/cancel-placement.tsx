import { cancelPlacementSchema } from '@harbour/shared/placements';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { useReturnFocus } from '../../../components/ui/use-return-focus';
import { useZodForm } from '../../../lib/form';
import { useTRPC } from '../../../lib/trpc';
import type { Announce, Placement } from './placement-words';
import { StepProblems, useStepOutcome } from './step-outcome';

/**
 * A proposal or confirmed placement that will not go ahead. Behind a button, so the one step an
 * adviser means to take is the obvious one, and with a reason, which goes on the timeline.
 */
export function CancelPlacement({ placement, onDone }: { placement: Placement; onDone: Announce }) {
  const [isOpen, setIsOpen] = useState(false);
  const openButton = useReturnFocus(isOpen);

  if (!isOpen) {
    return (
      <Button ref={openButton} variant="secondary" onClick={() => setIsOpen(true)}>
        Cancel placement
      </Button>
    );
  }
  return <CancelForm placement={placement} onDone={onDone} onClose={() => setIsOpen(false)} />;
}

function CancelForm({ placement, onDone, onClose }: { placement: Placement; onDone: Announce; onClose: () => void }) {
  const trpc = useTRPC();
  const headingId = useId();
  const form = useZodForm(cancelPlacementSchema, { id: placement.id, version: placement.version, reason: '' });
  const outcome = useStepOutcome(form);
  const cancel = useMutation(
    trpc.placements.cancel.mutationOptions({
      onSuccess: () =>
        outcome.succeeded(() => onDone(`Placement at ${placement.clinicName} cancelled. The case can be matched to another clinic below.`)),
      onError: outcome.failed,
    }),
  );
  const { setFocus } = form;
  useEffect(() => setFocus('reason'), [setFocus]);

  return (
    <form
      className="placement-step placement-step--cancel"
      noValidate
      aria-labelledby={headingId}
      onSubmit={outcome.submitWith((values) => cancel.mutate({ ...values, version: placement.version }))}
    >
      <h4 id={headingId}>Cancel the placement at {placement.clinicName}</h4>
      <TextAreaField
        label="Why is it cancelled?"
        hint="For example: the family chose a clinic nearer home. It goes on the case timeline."
        rows={2}
        error={form.formState.errors.reason?.message}
        {...form.register('reason')}
      />
      <StepProblems outcome={outcome} />
      <div className="button-row">
        <Button type="submit" variant="danger" isBusy={cancel.isPending}>
          Cancel this placement
        </Button>
        <Button variant="secondary" onClick={onClose}>
          Keep it
        </Button>
      </div>
    </form>
  );
}
