import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from './database';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'postgres' | 'embedded';
  /** Calls onNotify with the payload of every NOTIFY on the channel, from any process. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const INT8_OID = 20;
const DATE_OID = 1082;

// Counts and bigint ids as numbers on both engines (pg would give strings, PGlite numbers),
// and calendar dates as 'yyyy-mm-dd' text so no time zone can shift a date of birth.
const parseInt8 = (value: string): number => Number(value);
const keepDateText = (value: string): string => value;

export interface PostgresOptions {
  connectionString: string;
  logger: Logger;
  /** Runs on every new connection: tests use it to pin a schema. */
  searchPath?: string;
  max?: number;
}

export function openPostgres({ connectionString, logger, searchPath, max = 10 }: PostgresOptions): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 10_000,
    idle_in_transaction_session_timeout: 15_000,
    application_name: 'harbour',
    ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8_OID) return parseInt8;
        if (oid === DATE_OID) return keepDateText;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (error) => logger.error({ err: error }, 'database connection lost'));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const listener = new PostgresListener({ connectionString, logger, searchPath });
  return {
    db,
    kind: 'postgres',
    listen: (channel, onNotify) => listener.listen(channel, onNotify),
    close: async () => {
      await listener.close();
      await db.destroy();
    },
  };
}

/**
 * LISTEN needs a connection of its own that stays open, outside the pool. When it drops
 * (a restart, a network blip) it reconnects with backoff and listens again.
 */
class PostgresListener {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();
  private isClosed = false;
  private retryDelayMs = 500;

  constructor(private readonly options: { connectionString: string; logger: Logger; searchPath?: string }) {}

  async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    assertChannelName(channel);
    let handlers = this.handlers.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.handlers.set(channel, handlers);
      const client = await this.connected();
      await client.query(`listen ${channel}`);
    }
    handlers.add(onNotify);
    return async () => {
      handlers.delete(onNotify);
      if (handlers.size === 0 && this.handlers.get(channel) === handlers) {
        this.handlers.delete(channel);
        await this.client?.query(`unlisten ${channel}`).catch(() => undefined);
      }
    };
  }

  private connected(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      connectionTimeoutMillis: 5_000,
      application_name: 'harbour-listener',
      ...(this.options.searchPath ? { options: `-c search_path=${this.options.searchPath}` } : {}),
    });
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    client.on('error', (error) => this.options.logger.warn({ err: error }, 'change listener connection failed'));
    client.on('end', () => {
      if (this.client === client) this.client = null;
      if (!this.isClosed) this.scheduleReconnect();
    });
    await client.connect();
    this.client = client;
    this.retryDelayMs = 500;
    return client;
  }

  private scheduleReconnect(): void {
    const delay = this.retryDelayMs;
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, 10_000);
    setTimeout(() => {
      if (this.isClosed) return;
      this.connected()
        .then(async (client) => {
          for (const channel of this.handlers.keys()) await client.query(`listen ${channel}`);
          this.options.logger.info('change listener reconnected');
        })
        .catch(() => this.scheduleReconnect());
    }, delay).unref();
  }

  async close(): Promise<void> {
    this.isClosed = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}

function assertChannelName(channel: string): void {
  // Channel names go into LISTEN as identifiers; only a plain lower-case name is safe there.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`Unsafe channel name: ${channel}`);
}

/** The embedded engine: in memory when dataDir is undefined (tests), else kept on disk. */
export async function openEmbedded(dataDir: string | undefined): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(path.resolve(dataDir), { recursive: true });
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir: path.resolve(dataDir) } : {}),
    parsers: { [pgliteTypes.INT8]: parseInt8, [pgliteTypes.DATE]: keepDateText },
    // Name search with typos; the migration creates the extension, PGlite must ship it.
    extensions: { pg_trgm },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'embedded',
    listen: async (channel, onNotify) => {
      assertChannelName(channel);
      const unsubscribe = await pglite.listen(channel, onNotify);
      return () => unsubscribe();
    },
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
