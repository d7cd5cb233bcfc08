import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { DatabaseHealth, DatabaseUnavailableError, isDatabaseUnreachable } from './availability';
import type { Database } from './database';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'postgres' | 'embedded';
  /** Whether the database answers now; requests fail fast while it does not. */
  health: DatabaseHealth;
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

// What Kysely cannot do (COPY … TO STDOUT, streamed) needs a node-postgres connection from the
// same pool, so it counts against the same limit and fails fast in the same outage. Kept by the
// Kysely instance, so whatever holds a `db` can ask without another handle threaded through.
const pooledClients = new WeakMap<Kysely<Database>, () => Promise<pg.PoolClient>>();

/** A connection from the pool behind `db`, on PostgreSQL; undefined on the embedded engine. */
export function pooledClientOf(db: Kysely<Database>): (() => Promise<pg.PoolClient>) | undefined {
  return pooledClients.get(db);
}

export interface PostgresOptions {
  connectionString: string;
  /** Where LISTEN connects, when the pool goes through a transaction-mode pooler; else connectionString. */
  listenConnectionString?: string;
  logger: Logger;
  /** Runs on every new connection: tests use it to pin a schema. */
  searchPath?: string;
  max?: number;
}

// A request must fail within 5 seconds when the database is gone, so no connect may take longer.
const CONNECT_TIMEOUT_MS = 3_000;
const PROBE_TIMEOUT_MS = 1_000;

export function openPostgres({ connectionString, listenConnectionString, logger, searchPath, max = 10 }: PostgresOptions): DatabaseHandle {
  const health = new DatabaseHealth(() => probePostgres(connectionString), logger);
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
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
  pool.on('error', (error) => {
    logger.error({ err: error }, 'database connection lost');
    health.suspect();
  });
  // A connection in use that drops (the server stopping mid-query) emits nothing on the pool;
  // its end does. An idle connection retired on schedule ends too, which costs one cheap probe.
  let isClosing = false;
  pool.on('connect', (client) => {
    // The pool listens for errors only on idle connections: one dropping while checked out
    // between two statements would otherwise be an unhandled 'error' that ends the process.
    // The statement in hand fails by itself and the pool discards the connection on release.
    client.on('error', () => health.suspect());
    client.once('end', () => {
      if (!isClosing) health.suspect();
    });
  });
  const guardedPool = {
    connect: async () => {
      if (!health.isReachable) throw new DatabaseUnavailableError();
      try {
        return await pool.connect();
      } catch (error) {
        if (isDatabaseUnreachable(error)) health.suspect();
        throw error;
      }
    },
    end: () => pool.end(),
  };
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: guardedPool }) });
  pooledClients.set(db, guardedPool.connect);
  const listener = new PostgresListener({ connectionString: listenConnectionString ?? connectionString, logger, searchPath, onLost: () => health.suspect() });
  return {
    db,
    kind: 'postgres',
    health,
    listen: (channel, onNotify) => listener.listen(channel, onNotify),
    close: async () => {
      isClosing = true;
      health.stop();
      await listener.close();
      await db.destroy();
    },
  };
}

/** One short-lived connection and `select 1`, bounded by a short timeout: is anyone there? */
async function probePostgres(connectionString: string): Promise<void> {
  const client = new pg.Client({
    connectionString,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    query_timeout: PROBE_TIMEOUT_MS,
    application_name: 'harbour-probe',
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
  } finally {
    await client.end().catch(() => undefined);
  }
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

  constructor(private readonly options: { connectionString: string; logger: Logger; searchPath?: string; onLost: () => void }) {}

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
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      application_name: 'harbour-listener',
      ...(this.options.searchPath ? { options: `-c search_path=${this.options.searchPath}` } : {}),
    });
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    client.on('error', (error) => this.options.logger.warn({ err: error }, 'change listener connection failed'));
    client.on('end', () => {
      // A connect that failed ends too; its caller retries, so only a live connection ending
      // starts a reconnect (two would double the attempts with every failure).
      if (this.client !== client) return;
      this.client = null;
      if (!this.isClosed) {
        this.options.onLost();
        this.scheduleReconnect();
      }
    });
    await client.connect();
    this.client = client;
    this.retryDelayMs = 500;
    return client;
  }

  private scheduleReconnect(): void {
    const delay = this.retryDelayMs;
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, 4_000);
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
  // Loaded only here: a server on PostgreSQL need not carry the embedded engine (about 9 MB resident).
  const [{ PGlite, types: pgliteTypes }, { pg_trgm }, { PGliteDialect }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('kysely-pglite-dialect'),
  ]);
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
    // In this process: it cannot be out of reach while Harbour runs.
    health: new DatabaseHealth(() => Promise.resolve()),
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
