import type { CaseStage } from '@harbour/shared/cases';
import type { BoardFilters } from '@harbour/shared/pipeline';
import { keepPreviousData, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useState } from 'react';
import type { Liveness } from '../../lib/use-is-stale';
import { errorCodeOf, useTRPC, type RouterOutputs } from '../../lib/trpc';

export type BoardData = RouterOutputs['pipeline']['board'];
export type BoardPage = BoardData['columns'][CaseStage];
export type BoardCard = BoardPage['cards'][number];

/** Every column's count and first page; the previous board stays on screen while a filter loads. */
export function useBoard(filters: BoardFilters) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.pipeline.board.queryOptions(filters), placeholderData: keepPreviousData });
}

/**
 * One column's cards: the board's first page, then each further page the team lead asked for.
 * A card that slid from one page to the next while pages were fetched again is shown once.
 */
export function useColumnCards(stage: CaseStage, filters: BoardFilters, firstPage: BoardPage) {
  const trpc = useTRPC();
  const [pageCount, setPageCount] = useState(1);
  const further = useQueries({
    queries: Array.from({ length: pageCount - 1 }, (_, index) => trpc.pipeline.column.queryOptions({ stage, filters, page: index + 2 })),
  });
  const seen = new Set<string>();
  const cards: BoardCard[] = [];
  for (const card of [firstPage.cards, ...further.map((page) => page.data?.cards ?? [])].flat()) {
    if (seen.has(card.id)) continue;
    seen.add(card.id);
    cards.push(card);
  }
  const last = further.at(-1);
  const isLoadingMore = last?.isPending ?? false;
  const failed = further.find((page) => page.isError);
  const hasNextPage = last ? (last.data?.hasNextPage ?? false) : firstPage.hasNextPage;
  return {
    cards,
    hasNextPage,
    isLoadingMore,
    loadMoreError: failed?.error ?? undefined,
    loadMore() {
      if (failed) {
        void failed.refetch();
        return;
      }
      if (hasNextPage && !isLoadingMore) setPageCount((count) => count + 1);
    },
  };
}

// A burst of changes (a team lead reassigning ten cases) becomes one refetch.
const SETTLE_MS = 300;


/**
 * Keeps the board current: any change to any case (a colleague's move, a new enquiry) fetches
 * the board again. Open dialogs live outside the board's data, so a refresh never closes one.
 */
export function useLiveBoard(): Liveness {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [refresh] = useState(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let hasStarted = false;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: trpc.pipeline.pathKey() }), SETTLE_MS);
    };
    return {
      soon,
      // After a reconnect, catch up on whatever changed while the stream was down.
      started: () => {
        if (hasStarted) soon();
        hasStarted = true;
      },
      cancel: () => clearTimeout(timer),
    };
  });
  useEffect(() => refresh.cancel, [refresh]);

  const subscription = useSubscription(
    trpc.cases.onChange.subscriptionOptions(undefined, {
      onData: refresh.soon,
      onStarted: refresh.started,
      onError: (error) => {
        if (errorCodeOf(error) === 'UNAUTHORIZED') void queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
      },
    }),
  );
  if (subscription.status === 'pending') return 'live';
  if (subscription.status === 'error') return 'interrupted';
  return 'connecting';
}
