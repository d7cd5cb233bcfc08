import { can } from '@harbour/shared/permissions';
import type { Role } from '@harbour/shared/roles';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ColleaguePicker } from '../../components/colleague-picker';
import { Button } from '../../components/ui/button';
import { messageOf, useTRPC, type RouterOutputs } from '../../lib/trpc';

type CaseRecord = RouterOutputs['cases']['byReference'];

/** Team leads give a case to anyone; an adviser takes an unassigned case or hands theirs back. */
export function AssignCaseControl({ record, user }: { record: CaseRecord; user: { id: string; role: Role } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canSupervise = can(user.role, 'cases:supervise');
  const assign = useMutation(
    trpc.cases.assign.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() }) }),
  );
  const assignTo = (id: string | null) => assign.mutate({ id: record.id, version: record.version, adviserId: id });

  return (
    <div className="case-action">
      <h3>Adviser</h3>
      <p>{record.assignedAdviserName ?? 'Nobody has this case yet.'}</p>
      {canSupervise ? (
        <ColleaguePicker label="Give the case to" isBusy={assign.isPending} onChoose={(colleague) => assignTo(colleague.id)} />
      ) : record.assignedAdviserId === null ? (
        <Button variant="secondary" isBusy={assign.isPending} onClick={() => assignTo(user.id)}>
          Take this case
        </Button>
      ) : record.assignedAdviserId === user.id ? (
        <Button variant="secondary" isBusy={assign.isPending} onClick={() => assignTo(null)}>
          Give back to the team
        </Button>
      ) : null}
      {assign.isError && (
        <p className="field__error" role="alert">
          {messageOf(assign.error)}
        </p>
      )}
    </div>
  );
}
