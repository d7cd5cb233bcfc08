import { stageLabels, type CaseStage } from '@harbour/shared/cases';
import { can } from '@harbour/shared/permissions';
import type { Role } from '@harbour/shared/roles';
import { stageOptions } from '@harbour/shared/stages';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { noStageMove, StageMoveDetails, stageMoveInput, type StageMoveDraft } from '../../components/stage-move-fields';
import { Button } from '../../components/ui/button';
import { SelectField } from '../../components/ui/select-field';
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
  const [draft, setDraft] = useState<StageMoveDraft>(noStageMove);
  const { to } = draft;
  const move = useMutation(
    trpc.cases.moveStage.mutationOptions({
      onSuccess: async () => {
        setDraft(noStageMove);
        await queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
      },
    }),
  );
  const refused = options.filter((option) => !option.check.allowed);

  return (
    <form
      className="case-action"
      aria-label="Move stage"
      onSubmit={(event) => {
        event.preventDefault();
        if (!to) return;
        move.mutate({ id: record.id, version: record.version, ...stageMoveInput({ ...draft, to }) });
      }}
    >
      <h3>Stage</h3>
      <SelectField
        label="Move to"
        placeholder="Choose a stage"
        value={to}
        onChange={(event) => setDraft({ ...draft, to: event.target.value as CaseStage | '' })}
        options={options.map(({ stage, check }) => ({ value: stage, label: check.allowed ? stageLabels[stage] : `${stageLabels[stage]} (not yet)`, disabled: !check.allowed }))}
      />
      <StageMoveDetails from={record.stage} draft={draft} onChange={setDraft} />
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
