import { useMutation } from '@tanstack/react-query';
import { ColleaguePicker } from '../../components/colleague-picker';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { errorCodeOf, messageOf, useTRPC } from '../../lib/trpc';
import { BoardDialog } from './board-dialog';
import type { BoardCard } from './use-board';

/** Gives the case to a colleague, or back to the team, at the version the team lead saw. */
export function AssignCardDialog({
  card,
  onClose,
  onAssigned,
  onConflict,
}: {
  card: BoardCard;
  onClose: () => void;
  onAssigned: (card: BoardCard, adviserName: string | null) => void;
  onConflict: (card: BoardCard, message: string) => void;
}) {
  const trpc = useTRPC();
  const assign = useMutation(trpc.cases.assign.mutationOptions());
  const assignTo = (adviser: { id: string; fullName: string } | null) =>
    assign.mutate(
      { id: card.id, version: card.version, adviserId: adviser?.id ?? null },
      {
        onSuccess: () => onAssigned(card, adviser?.fullName ?? null),
        onError: (error) => {
          if (errorCodeOf(error) === 'CONFLICT') onConflict(card, messageOf(error));
        },
      },
    );
  const refusal = assign.isError && errorCodeOf(assign.error) !== 'CONFLICT' ? messageOf(assign.error) : null;

  return (
    <BoardDialog title={`Assign ${card.reference}`} onClose={onClose}>
      <p className="board-dialog__lead">
        {card.clientName ?? `${card.callerName} (caller)`} · {card.assignedAdviserName ? `with ${card.assignedAdviserName}` : 'unassigned'}
      </p>
      <ColleaguePicker
        label="Give the case to"
        isBusy={assign.isPending && assign.variables.adviserId !== null}
        onChoose={(colleague) => assignTo(colleague)}
      />
      {refusal && (
        <Alert tone="error" title="Not assigned">
          {refusal}
        </Alert>
      )}
      <div className="button-row">
        {card.assignedAdviserId !== null && (
          <Button variant="secondary" isBusy={assign.isPending && assign.variables.adviserId === null} onClick={() => assignTo(null)}>
            Make unassigned
          </Button>
        )}
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </BoardDialog>
  );
}
