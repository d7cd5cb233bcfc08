import { caseStages, stageLabels, type CaseStage } from '@harbour/shared/cases';
import { CLOSED_SHOWN_FOR_DAYS } from '@harbour/shared/pipeline';
import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { flushSync } from 'react-dom';
import { Link } from 'react-router';
import { asksForReason } from '../../components/stage-move-fields';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/page-states';
import { errorCodeOf, messageOf, useTRPC } from '../../lib/trpc';
import { useNow } from '../../lib/use-now';
import { AssignCardDialog } from './assign-card-dialog';
import { cardButtonSelector } from './board-card';
import { BoardColumn, casesText, type DropState } from './board-column';
import { BoardFilterForm } from './board-filters';
import { MoveCardDialog } from './move-card-dialog';
import { useIsStale } from '../../lib/use-is-stale';
import { useBoard, useLiveBoard, type BoardCard } from './use-board';
import { useBoardFilters } from './use-board-filters';
import './pipeline.css';

const liveLabels = { live: 'Live', connecting: 'Connecting…', interrupted: 'Reconnecting…' } as const;

type OpenDialog = { kind: 'move'; card: BoardCard; initialStage?: CaseStage } | { kind: 'assign'; card: BoardCard };

interface Notice {
  id: number;
  tone: 'error' | 'success';
  title?: string;
  message: string;
  /** After a dialog closes, the notice is where focus goes; after a drop, focus stays put. */
  isFocused: boolean;
}

/**
 * The team lead's board: every case on shift by stage, filtered as the address says, kept live,
 * with cards moved by drag and drop or from the keyboard and handed to colleagues.
 */
export function PipelinePage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const now = useNow(60_000);
  const { filters, isFiltered, change } = useBoardFilters();
  const board = useBoard(filters);
  const liveness = useLiveBoard();
  const isStale = useIsStale(liveness);
  const boardRef = useRef<HTMLDivElement>(null);
  // Dialogs and the dragged card are held here, not in the columns, so a live refresh that
  // moves or redraws a card never closes what the team lead has open.
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [dragging, setDragging] = useState<BoardCard | null>(null);
  const [overStage, setOverStage] = useState<CaseStage | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const dragOptions = useQuery({ ...trpc.pipeline.moveOptions.queryOptions(dragging ? { id: dragging.id } : skipToken), staleTime: 0 });
  const dropMove = useMutation(trpc.cases.moveStage.mutationOptions());

  useEffect(() => {
    document.title = 'Pipeline – Harbour';
  }, []);

  // A card redrawn mid-drag (scrolled out of its column, moved by a refresh) never reports the
  // end of its drag, so any drop, and the next press after one, ends it too.
  useEffect(() => {
    if (!dragging) return;
    const events = ['dragend', 'drop', 'pointerdown'] as const;
    const stop = () => {
      setDragging(null);
      setOverStage(null);
    };
    for (const event of events) document.addEventListener(event, stop);
    return () => {
      for (const event of events) document.removeEventListener(event, stop);
    };
  }, [dragging]);

  function endDrag() {
    setDragging(null);
    setOverStage(null);
  }

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.pipeline.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() }),
    ]);

  const announce = (next: Omit<Notice, 'id' | 'isFocused'>, isFocused = false) =>
    setNotice((current) => ({ ...next, isFocused, id: (current?.id ?? 0) + 1 }));

  /** Closes the dialog and says what happened; the notice takes focus, as the card may have moved. */
  const finish = (next: Omit<Notice, 'id' | 'isFocused'>) =>
    flushSync(() => {
      setDialog(null);
      announce(next, true);
    });

  /** Closes the dialog with nothing done: focus goes back to the button that opened it. */
  const cancel = () => {
    const closing = dialog;
    flushSync(() => setDialog(null));
    if (!closing) return;
    const button = document.querySelector<HTMLElement>(cardButtonSelector(closing.card.id, closing.kind));
    (button ?? boardRef.current)?.focus();
  };

  const moved = (card: BoardCard, to: CaseStage) => {
    finish({ tone: 'success', message: `${card.reference} moved to ${stageLabels[to]}.` });
    void refresh();
  };

  const moveByDrop = (card: BoardCard, to: CaseStage) => {
    // Closing and moving back ask for a reason: the dialog asks, with the column already chosen.
    if (asksForReason(card.stage, to)) {
      setDialog({ kind: 'move', card, initialStage: to });
      return;
    }
    dropMove.mutate(
      { id: card.id, version: card.version, to },
      {
        onSuccess: () => announce({ tone: 'success', message: `${card.reference} moved to ${stageLabels[to]}.` }),
        onError: (error) => {
          if (errorCodeOf(error) === 'CONFLICT') {
            announce({ tone: 'error', title: `${card.reference} was not moved: someone else changed it first`, message: `${messageOf(error)} The board has been refreshed.` });
          } else {
            announce({ tone: 'error', title: `${card.reference} was not moved to ${stageLabels[to]}`, message: messageOf(error) });
          }
        },
        onSettled: () => void refresh(),
      },
    );
  };

  const dropStateFor = (stage: CaseStage): DropState | undefined => {
    if (!dragging) return undefined;
    if (stage === dragging.stage) return { kind: 'origin' };
    const option = dragOptions.data?.options.find((candidate) => candidate.stage === stage);
    // Until the server has answered, a drop is taken and the server decides.
    if (!option) return { kind: 'checking', isOver: overStage === stage };
    return option.check.allowed ? { kind: 'allowed', isOver: overStage === stage } : { kind: 'refused', why: option.check.why };
  };

  const startDrag = (card: BoardCard, event: DragEvent) => {
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', card.reference);
    setDragging(card);
  };

  const dropOn = (stage: CaseStage) => {
    const card = dragging;
    endDrag();
    if (card && stage !== card.stage) moveByDrop(card, stage);
  };

  const total = board.data ? caseStages.reduce((sum, stage) => sum + board.data.counts[stage], 0) : 0;
  const filtersKey = JSON.stringify(filters);

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Pipeline</h1>
          <p className="page-header__meta">
            <span className={`live live--${liveness}`}>{liveLabels[liveness]}</span>
            {board.data && <> · {casesText(total)} on the board · Closed shows the last {CLOSED_SHOWN_FOR_DAYS} days</>}
          </p>
        </div>
        <Link className="button button--secondary" to="/pipeline/metrics">Stage metrics</Link>
      </div>

      <BoardFilterForm filters={filters} isFiltered={isFiltered} onChange={change} />

      {isStale && (
        <Alert tone="error">Live updates have stopped: this board may be out of date. Harbour is reconnecting; reload the page if this lasts.</Alert>
      )}
      <div className="board-notices">
        {notice && (
          <Alert key={notice.id} tone={notice.tone} title={notice.title} isFocusedOnShow={notice.isFocused}>
            <p>{notice.message}</p>
            <Button variant="link" onClick={() => setNotice(null)}>
              Dismiss
            </Button>
          </Alert>
        )}
      </div>

      {board.data ? (
        <>
          {board.isError && <Alert tone="error">The board could not be refreshed: {messageOf(board.error)}</Alert>}
          {total === 0 ? (
            <EmptyState title={isFiltered ? 'No cases match these filters' : 'There are no cases on the board'}>
              {isFiltered && <p>Try fewer filters, or clear them to see every case.</p>}
            </EmptyState>
          ) : (
            <div ref={boardRef} className="board" aria-label="Cases by stage" role="group" tabIndex={-1} aria-busy={board.isPlaceholderData || undefined}>
              {caseStages.map((stage) => (
                <BoardColumn
                  key={`${stage}:${filtersKey}`}
                  stage={stage}
                  count={board.data.counts[stage]}
                  firstPage={board.data.columns[stage]}
                  filters={filters}
                  now={now}
                  dropState={dropStateFor(stage)}
                  busyCardId={dropMove.isPending ? (dropMove.variables?.id ?? null) : null}
                  onDropCard={dropOn}
                  onDragOverColumn={setOverStage}
                  onMove={(card) => setDialog({ kind: 'move', card })}
                  onAssign={(card) => setDialog({ kind: 'assign', card })}
                  onDragStart={startDrag}
                  onDragEnd={endDrag}
                />
              ))}
            </div>
          )}
        </>
      ) : board.isError ? (
        <ErrorState message={messageOf(board.error)} onRetry={() => void board.refetch()} />
      ) : (
        <LoadingState label="Loading the pipeline…" />
      )}

      {dialog?.kind === 'move' && (
        <MoveCardDialog
          key={dialog.card.id}
          card={dialog.card}
          initialStage={dialog.initialStage}
          onClose={cancel}
          onMoved={moved}
          onOutdated={() => void refresh()}
        />
      )}
      {dialog?.kind === 'assign' && (
        <AssignCardDialog
          key={dialog.card.id}
          card={dialog.card}
          onClose={cancel}
          onAssigned={(card, adviserName) => {
            finish({ tone: 'success', message: adviserName ? `${card.reference} given to ${adviserName}.` : `${card.reference} is now unassigned.` });
            void refresh();
          }}
          onConflict={(card, message) => {
            finish({ tone: 'error', title: `${card.reference} was not reassigned: someone else changed it first`, message: `${message} The board has been refreshed.` });
            void refresh();
          }}
        />
      )}
    </>
  );
}
