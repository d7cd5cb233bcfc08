import { EventEmitter, on } from 'node:events';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DatabaseHandle } from '../db/connect';
import type { Database } from '../db/database';

export type ChangeTopic = 'callbacks' | 'cases' | 'crises';

export interface ChangeEvent {
  topic: ChangeTopic;
  id: string;
}

// One channel per schema: two Harbours sharing a database (or two test files) never hear
// each other.
const CHANNEL_SQL = sql<string>`'harbour_changes_' || current_schema()`;

/**
 * Call inside the transaction that makes the change: PostgreSQL delivers the notification
 * only if that transaction commits, to every Harbour process listening.
 */
export async function publishChange(trx: Kysely<Database>, event: ChangeEvent): Promise<void> {
  await sql`select pg_notify(${CHANNEL_SQL}, ${JSON.stringify(event)})`.execute(trx);
}

/** Every change any process publishes, fanned out to this process's subscribers. */
export class ChangeFeed {
  private readonly emitter = new EventEmitter();
  private stopListening: (() => Promise<void>) | null = null;

  constructor() {
    // Each open queue screen is a subscriber; the default warning at 10 means nothing here.
    this.emitter.setMaxListeners(0);
  }

  static async start(database: DatabaseHandle, logger: Logger): Promise<ChangeFeed> {
    const feed = new ChangeFeed();
    const { rows } = await sql<{ channel: string }>`select ${CHANNEL_SQL} as channel`.execute(database.db);
    const channel = rows[0]?.channel ?? 'harbour_changes_public';
    feed.stopListening = await database.listen(channel, (payload) => {
      try {
        const event = JSON.parse(payload) as ChangeEvent;
        feed.emitter.emit(event.topic, event);
      } catch {
        logger.warn('ignored a malformed change notification');
      }
    });
    return feed;
  }

  /** The changes to one topic, until the signal aborts (the subscriber went away). */
  async *events(topic: ChangeTopic, signal: AbortSignal | undefined): AsyncGenerator<ChangeEvent> {
    try {
      for await (const [event] of on(this.emitter, topic, { signal })) yield event as ChangeEvent;
    } catch (error) {
      if ((error as Error).name !== 'AbortError') throw error;
    }
  }

  async stop(): Promise<void> {
    await this.stopListening?.();
    this.emitter.removeAllListeners();
  }
}
