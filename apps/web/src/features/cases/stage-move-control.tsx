import { caseStages, stageLabels, type CaseStage } from '@harbour/shared/cases';
import { can } from '@harbour/shared/permissions';
import type { Role } from '@harbour/shared/roles';
import { closureReasons, stageOptions, type ClosureReason } from '@harbour/shared/stages';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../components/ui/button';
import { SelectField } from '../../components/ui/select-field';
import { TextField } from '../../components/ui/text-field';
import { messageOf, useTRPC, type RouterOutputs } from '../../lib/trpc';

type CaseRecord = RouterOutputs['cases']['byReference'];

/**
 * Moves the case on, with the same rules the server enforces: a move not allowed yet is shown
 * greyed out with what is missing, so the adviser knows what to do next.
 */
export function StageMoveControl({ record, user }: { record: CaseRecord; user: { role: Role } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canSupervise = can(user.role, 'cases:supervise');
  const options = stageOptions(record.stageFacts, canSupervise);
  const [to, setTo] = useState<CaseStage | ''>('');
  const [closureReason, setClosureReason] = useState<ClosureReason | ''>('');
  const [reason, setReason] = useState('');
  const move = useMutation(
    trpc.cases.moveStage.mutationOptions({
      onSuccess: async () => {
        setTo('');
        setReason('');
        setClosureReason('');
        await queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
      },
    }),
  );
  const isBackward = to !== '' && to !== 'closed' && (record.stage === 'closed' || caseStages.indexOf(to) < caseStages.indexOf(record.stage));
  const refused = options.filter((option) => !option.check.allowed);

  return (
    <form
      className="case-action"
      aria-label="Move stage"
      onSubmit={(event) => {
        event.preventDefault();
        if (!to) return;
        move.mutate({ id: record.id, version: record.version, to, closureReason: closureReason || undefined, reason: reason || undefined });
      }}
    >
      <h3>Stage</h3>
      <SelectField
        label="Move to"
        placeholder="Choose a stage"
        value={to}
        onChange={(event) => setTo(event.target.value as CaseStage | '')}
        options={options.map(({ stage, check }) => ({ value: stage, label: check.allowed ? stageLabels[stage] : `${stageLabels[stage]} (not yet)`, disabled: !check.allowed }))}
      />
      {to === 'closed' && (
        <SelectField
          label="Why is it closing?"
          placeholder="Choose a reason"
          value={closureReason}
          onChange={(event) => setClosureReason(event.target.value as ClosureReason | '')}
          options={closureReasons.filter((option) => option.value !== 'completed' || record.stage === 'aftercare')}
        />
      )}
      {(to === 'closed' || isBackward) && (
        <TextField
          label={isBackward ? 'Reason (required)' : closureReason === 'other' ? 'Describe why (required)' : 'Reason (optional)'}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      )}
      <Button type="submit" variant="secondary" isBusy={move.isPending} disabled={!to}>
        Move case
      </Button>
      {move.isError && (
        <p className="field__error" role="alert">
          {messageOf(move.error)}
        </p>
      )}
      {refused.length > 0 && (
        <ul className="stage-refusals" aria-label="Moves not allowed yet">
          {refused.map(({ stage, check }) => (
            <li key={stage}>
              <strong>{stageLabels[stage]}:</strong> {check.allowed ? '' : check.why}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
