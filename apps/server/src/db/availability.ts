import type { Logger } from 'pino';

/** Thrown without touching the network while the database is known to be out of reach. */
export class DatabaseUnavailableError extends Error {
  readonly code = 'HARBOUR_DATABASE_UNAVAILABLE';
  constructor() {
    super('database is not reachable');
  }
}

// Socket errors, and SQLSTATE classes 08 (connection exception) and 57P0x (the server is
// shutting down or starting up). Anything else (a constraint, a timeout on a slow query) is a
// real failure and stays one.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const SHUTDOWN_CODES = new Set(['57P01', '57P02', '57P03']);
// node-postgres reports a dropped or never-made connection by message only.
const LOST_CONNECTION = /Connection terminated|timeout exceeded when trying to connect|not queryable|Connection closed|Query read timeout/i;

/** Whether an error means "the database could not be reached", looking through causes. */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof DatabaseUnavailableError) return true;
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SHUTDOWN_CODES.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && LOST_CONNECTION.test(message)) return true;
    // AggregateError: Node's connect tries each address of "localhost" in turn.
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnreachable(inner))) return true;
    current = cause;
  }
  return false;
}

const PROBE_INTERVAL_MS = 500;

/**
 * What this process believes about the database. Any sign of a lost connection (a pool client
 * dropping, a refused connect, the LISTEN connection ending) starts a cheap probe; while the
 * probe fails the database counts as unreachable, so requests fail at once instead of each
 * waiting on a connect timeout, and the probe repeats until the database answers again.
 */
export class DatabaseHealth {
  private isUp = true;
  private probing: Promise<boolean> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private isStopped = false;

  constructor(
    private readonly probe: () => Promise<void>,
    private readonly logger?: Logger,
  ) {}

  get isReachable(): boolean {
    return this.isUp;
  }

  /** Something failed in a way that may mean the database has gone: find out. */
  suspect(): void {
    void this.check();
  }

  /** Probes now (at most one probe at a time) and returns whether the database answered. */
  check(): Promise<boolean> {
    if (this.isStopped) return Promise.resolve(this.isUp);
    // A probe refused for another reason (too many connections, a password changed) says the
    // server is there: refusing every request fast would turn a partial fault into an outage.
    this.probing ??= this.probe()
      .then(
        () => this.setUp(true),
        (error: unknown) => this.setUp(!isDatabaseUnreachable(error)),
      )
      .finally(() => (this.probing = null));
    return this.probing;
  }

  private setUp(isUp: boolean): boolean {
    if (isUp !== this.isUp) {
      if (isUp) this.logger?.info('database reachable again');
      else this.logger?.error('database unreachable: requests fail fast until it answers');
    }
    this.isUp = isUp;
    if (!isUp && !this.retryTimer && !this.isStopped) {
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        void this.check();
      }, PROBE_INTERVAL_MS);
      this.retryTimer.unref();
    }
    return isUp;
  }

  stop(): void {
    this.isStopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}
