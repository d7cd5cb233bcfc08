import type { DatabaseHandle } from '../db/connect';
import { ChangeFeed, type ChangeEvent } from '../realtime/changes';
import type { SessionUser } from '../trpc/context';
import { callerFor, silentLogger } from './factories';

export interface OpenQueueScreen {
  /** The next change the screen hears of; fails after `timeoutMs` of silence. */
  nextChange(timeoutMs?: number): Promise<ChangeEvent>;
  close(): Promise<void>;
}

/**
 * A signed-in queue screen: a real change feed listening on the database and the
 * callbacks.onChange subscription, as the browser's event stream would hold it open.
 */
export async function openQueueScreen(handle: DatabaseHandle, user: SessionUser, { sessionId }: { sessionId?: string } = {}): Promise<OpenQueueScreen> {
  const feed = await ChangeFeed.start(handle, silentLogger);
  const controller = new AbortController();
  const events = await callerFor(handle.db, user, { changes: feed, signal: controller.signal, sessionId }).callbacks.onChange();
  const iterator = events[Symbol.asyncIterator]();
  // Asking for the first event now is what starts listening: changes from here on are kept.
  let pending = iterator.next();

  return {
    async nextChange(timeoutMs = 5_000) {
      let timer: NodeJS.Timeout | undefined;
      const silence = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`No change arrived within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        const result = await Promise.race([pending, silence]);
        if (result.done) throw new Error('The subscription ended');
        pending = iterator.next();
        return result.value;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      controller.abort();
      await iterator.return?.();
      await feed.stop();
    },
  };
}
