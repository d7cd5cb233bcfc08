import { stageLabels, type CaseStage } from '@harbour/shared/cases';
import type { BoardFilters } from '@harbour/shared/pipeline';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useRef, type DragEvent } from 'react';
import { Button } from '../../components/ui/button';
import { messageOf } from '../../lib/trpc';
import { BoardCard } from './board-card';
import { useColumnCards, type BoardCard as Card, type BoardPage } from './use-board';

/** While a card is dragged, what each column says about taking it. */
export type DropState = { kind: 'origin' } | { kind: 'checking' | 'allowed'; isOver: boolean } | { kind: 'refused'; why: string };

// A card is about this tall; each is measured once drawn, so this only places the first ones.
const ESTIMATED_CARD_PX = 200;
// Ask for the next page while a few cards are still to scroll through, so the team lead rarely waits.
const LOAD_BEFORE_END_PX = 800;

export const casesText = (count: number) => `${count} ${count === 1 ? 'case' : 'cases'}`;

/**
 * One stage: its count, its cards (only those in view are drawn, so a column of 3,000 enquiries
 * scrolls as smoothly as one of 30) and the next page, fetched as the end comes into view or
 * with Show more.
 */
export function BoardColumn({
  stage,
  count,
  firstPage,
  filters,
  now,
  dropState,
  busyCardId,
  onDropCard,
  onDragOverColumn,
  onMove,
  onAssign,
  onDragStart,
  onDragEnd,
}: {
  stage: CaseStage;
  count: number;
  firstPage: BoardPage;
  filters: BoardFilters;
  now: Date;
  dropState: DropState | undefined;
  busyCardId: string | null;
  onDropCard: (stage: CaseStage) => void;
  onDragOverColumn: (stage: CaseStage | null) => void;
  onMove: (card: Card) => void;
  onAssign: (card: Card) => void;
  onDragStart: (card: Card, event: DragEvent) => void;
  onDragEnd: () => void;
}) {
  const headingId = useId();
  const refusalId = useId();
  const column = useColumnCards(stage, filters, firstPage);
  const { cards } = column;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The app is not built with the React Compiler, so a virtualizer it cannot memoise costs nothing.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_CARD_PX,
    getItemKey: (index) => cards[index]?.id ?? index,
    overscan: 4,
    // React 19 warns about flushSync inside a render; the next frame is soon enough.
    useFlushSync: false,
  });

  const takesDrop = dropState?.kind === 'checking' || dropState?.kind === 'allowed';
  const isOver = takesDrop && dropState.isOver;
  const name = `${stageLabels[stage]}, ${casesText(count)}`;
  const className = [
    'board-column',
    dropState?.kind === 'refused' && 'board-column--refused',
    takesDrop && 'board-column--droppable',
    isOver && 'board-column--over',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <section
      className={className}
      aria-labelledby={headingId}
      aria-describedby={dropState?.kind === 'refused' ? refusalId : undefined}
      onDragEnter={() => {
        if (takesDrop && !isOver) onDragOverColumn(stage);
      }}
      onDragLeave={(event) => {
        if (isOver && !event.currentTarget.contains(event.relatedTarget as Node | null)) onDragOverColumn(null);
      }}
      onDragOver={(event) => {
        if (!takesDrop) return;
        // Accepting the drop is saying so: the browser refuses drops nobody prevented.
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
      }}
      onDrop={(event) => {
        event.preventDefault();
        if (takesDrop) onDropCard(stage);
      }}
    >
      <h2 className="board-column__heading" id={headingId}>
        {stageLabels[stage]} <span className="board-column__count">{count}</span>
      </h2>
      {dropState?.kind === 'refused' && (
        <p className="board-column__refusal" id={refusalId}>
          <strong>Cannot move here:</strong> {dropState.why}
        </p>
      )}
      <div
        ref={scrollRef}
        className="board-column__scroll"
        onScroll={(event) => {
          const scroller = event.currentTarget;
          const isNearEnd = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < LOAD_BEFORE_END_PX;
          if (isNearEnd && column.hasNextPage && !column.loadMoreError) column.loadMore();
        }}
      >
        {cards.length === 0 && <p className="board-column__empty">No cases</p>}
        <ul className="board-column__list" aria-label={name} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const card = cards[item.index]!;
            return (
              <li
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                className="board-column__item"
                style={{ transform: `translateY(${item.start}px)` }}
                // Only the cards in view are in the page: say where this one sits in the whole column.
                aria-posinset={item.index + 1}
                aria-setsize={Math.max(count, cards.length)}
              >
                <BoardCard
                  card={card}
                  now={now}
                  isBusy={busyCardId === card.id}
                  onMove={onMove}
                  onAssign={onAssign}
                  onDragStart={onDragStart}
                  onDragEnd={onDragEnd}
                />
              </li>
            );
          })}
        </ul>
      </div>
      <div className="board-column__footer">
        {column.loadMoreError !== undefined && (
          <p className="field__error" role="alert">
            {messageOf(column.loadMoreError)}
          </p>
        )}
        {(column.hasNextPage || column.loadMoreError !== undefined) && (
          <Button variant="secondary" isBusy={column.isLoadingMore} onClick={column.loadMore}>
            {column.loadMoreError !== undefined ? 'Try again' : 'Show more'}{' '}
            <span className="visually-hidden">{stageLabels[stage]} cases</span>
          </Button>
        )}
        {cards.length < count && (
          <p className="board-column__shown">
            Showing {cards.length} of {casesText(count)}
          </p>
        )}
      </div>
    </section>
  );
}
