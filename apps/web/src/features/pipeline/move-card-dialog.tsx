import { stageLabels, type CaseStage } from '@harbour/shared/cases';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import {
  isBackwardMove,
  missingFromMove,
  noStageMove,
  StageMoveDetails,
  stageMoveInput,
  type StageMoveDraft,
  type StageMoveErrors,
} from '../../components/stage-move-fields';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { errorCodeOf, messageOf, useTRPC } from '../../lib/trpc';
import { BoardDialog } from './board-dialog';
import type { BoardCard } from './use-board';

/**
 * Where this card can go, asked of the server when the dialog opens: each stage is offered,
 * those the rules refuse are greyed out with the reason, and a move that needs a reason asks
 * for it before anything is sent. If a colleague changed the case first, the dialog stays open
 * with what was typed, says who, and shows the case as it is now before the next try.
 */
export function MoveCardDialog({
  card,
  initialStage,
  onClose,
  onMoved,
  onOutdated,
}: {
  /** The card as the team lead saw it: its version is the one they decided on. */
  card: BoardCard;
  /** The column it was dropped on, when it was dragged there. */
  initialStage?: CaseStage;
  onClose: () => void;
  onMoved: (card: BoardCard, to: CaseStage) => void;
  /** The board showed an old version of this case: fetch it again. */
  onOutdated: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const idPrefix = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const options = useQuery({ ...trpc.pipeline.moveOptions.queryOptions({ id: card.id }), staleTime: 0 });
  // The case as the team lead has seen it: the board's card, then the case as it was after a conflict.
  const [seen, setSeen] = useState({ version: card.version, stage: card.stage });
  const [conflict, setConflict] = useState<string | null>(null);
  const [draft, setDraft] = useState<StageMoveDraft>({ ...noStageMove, to: initialStage ?? '' });
  const [errors, setErrors] = useState<StageMoveErrors>({});
  const move = useMutation(
    trpc.cases.moveStage.mutationOptions({
      onMutate: () => setConflict(null),
      onSuccess: (_saved, input) => onMoved(card, input.to),
      onError: async (error) => {
        if (errorCodeOf(error) !== 'CONFLICT') {
          // The rules refused: what they know of the case has changed, so ask again where it can go.
          void queryClient.invalidateQueries({ queryKey: trpc.pipeline.moveOptions.queryKey({ id: card.id }) });
          return;
        }
        setConflict(messageOf(error));
        onOutdated();
        const latest = await options.refetch();
        if (latest.data) setSeen({ version: latest.data.version, stage: latest.data.stage });
      },
    }),
  );
  const refusal = move.isError && errorCodeOf(move.error) !== 'CONFLICT' ? messageOf(move.error) : null;
  const hasChanged = options.data !== undefined && options.data.version !== seen.version && conflict === null;
  // A stage chosen before the case moved on may no longer be on offer.
  const chosen = options.data?.options.find((option) => option.stage === draft.to);
  // The choices are for the stage the case is in now, which a colleague may have changed.
  const from = options.data?.stage ?? seen.stage;
  const current = { ...draft, to: chosen ? draft.to : ('' as const) };

  return (
    <BoardDialog title={`Move ${card.reference}`} onClose={onClose}>
      <p className="board-dialog__lead">
        {card.clientName ?? `${card.callerName} (caller)`} · now in <strong>{stageLabels[from]}</strong>
      </p>
      {conflict && (
        <Alert tone="error" title="Not moved: someone else changed this case first">
          <p>{conflict}</p>
          <p>The choices below now show the case as it is. Check them, then move it again or cancel.</p>
        </Alert>
      )}
      {hasChanged && (
        <Alert tone="info">
          Someone has changed this case since the board was drawn
          {options.data.stage !== seen.stage ? ` (it was in ${stageLabels[seen.stage]})` : ''}. Moving it will tell you who, and keep
          what you typed.
        </Alert>
      )}
      {options.isPending ? (
        <p role="status">Checking where this case can go…</p>
      ) : options.isError ? (
        <Alert tone="error">
          <p>{messageOf(options.error)}</p>
          <Button variant="secondary" onClick={() => void options.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : (
        <form
          ref={formRef}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const missing = missingFromMove(from, current);
            flushSync(() => setErrors(missing));
            if (!current.to || Object.keys(missing).length > 0) {
              formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]:not([disabled])')?.focus();
              return;
            }
            move.mutate({ id: card.id, version: seen.version, ...stageMoveInput({ ...current, to: current.to }) });
          }}
        >
          <fieldset className={`choice-group${errors.to ? ' field--error' : ''}`} aria-describedby={errors.to ? `${idPrefix}-to-error` : undefined}>
            <legend className="field__label">Move to</legend>
            {errors.to && (
              <p className="field__error" id={`${idPrefix}-to-error`}>
                <span className="visually-hidden">Error: </span>
                {errors.to}
              </p>
            )}
            <div className="choice-group__options">
              {options.data.options.map(({ stage, check }) => {
                const inputId = `${idPrefix}-${stage}`;
                const hint = check.allowed ? hintFor(from, stage) : check.why;
                return (
                  <div className={`choice move-choice${check.allowed ? '' : ' move-choice--refused'}`} key={stage}>
                    <input
                      id={inputId}
                      type="radio"
                      name={`${idPrefix}-to`}
                      value={stage}
                      checked={current.to === stage}
                      disabled={!check.allowed}
                      aria-invalid={errors.to ? true : undefined}
                      aria-describedby={hint ? `${inputId}-hint` : undefined}
                      onChange={() => {
                        setDraft({ ...draft, to: stage });
                        setErrors({});
                      }}
                    />
                    <div>
                      <label htmlFor={inputId}>{stageLabels[stage]}</label>
                      {hint && (
                        <span className="choice__hint" id={`${inputId}-hint`}>
                          {check.allowed ? hint : `Not allowed: ${hint}`}
                        </span>
                      )}
                    </div>
                  </div>
                );
              })}
            </div>
          </fieldset>
          <StageMoveDetails from={from} draft={current} onChange={setDraft} errors={errors} />
          {refusal && (
            <Alert tone="error" title="Not moved">
              {refusal}
            </Alert>
          )}
          <div className="button-row">
            <Button type="submit" isBusy={move.isPending}>
              Move case
            </Button>
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      {!options.isSuccess && (
        <div className="button-row">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
        </div>
      )}
    </BoardDialog>
  );
}

function hintFor(from: CaseStage, to: CaseStage): string | undefined {
  if (to === 'closed') return 'Asks why the case is closing';
  if (!isBackwardMove(from, to)) return undefined;
  return from === 'closed' ? 'Reopens the case; asks for a reason' : 'Moves the case back; asks for a reason';
}
