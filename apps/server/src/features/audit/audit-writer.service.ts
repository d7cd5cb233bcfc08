import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { insertAuditEvents, type NewAuditEvent } from './audit.queries';

interface Queued {
  event: NewAuditEvent;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for the audit rows of reads (docs/decisions/015). Each read still waits until
 * its row is committed before its data is sent, but rows that arrive while one INSERT is being
 * committed wait for the next, which writes all of them in one statement and one commit: under
 * load, one WAL flush for many reads instead of one each. With nothing in flight a row is
 * written at once, so a quiet Harbour adds no delay.
 */
export class AuditWriter {
  private queue: Queued[] = [];
  private isFlushing = false;

  constructor(private readonly db: Kysely<Database>) {}

  /** Resolves once the row is committed; rejects if it could not be written. */
  write(event: NewAuditEvent): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ event, resolve, reject });
      if (!this.isFlushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.isFlushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        await this.writeBatch(batch);
      }
    } finally {
      this.isFlushing = false;
    }
  }

  private async writeBatch(batch: Queued[]): Promise<void> {
    try {
      await insertAuditEvents(this.db, batch.map((queued) => queued.event));
      for (const queued of batch) queued.resolve();
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // One bad row (an actor deleted meanwhile) must not fail the reads of everyone else in
      // the batch: each is tried on its own, and only the ones that fail again fail their read.
      await Promise.all(
        batch.map((queued) =>
          insertAuditEvents(this.db, [queued.event]).then(queued.resolve, queued.reject),
        ),
      );
    }
  }
}

// One writer per database handle, so tests with a database each never share a batch.
const writers = new WeakMap<Kysely<Database>, AuditWriter>();

export function auditWriterFor(db: Kysely<Database>): AuditWriter {
  let writer = writers.get(db);
  if (!writer) {
    writer = new AuditWriter(db);
    writers.set(db, writer);
  }
  return writer;
}
