import type { Role } from '@harbour/shared/roles';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database';
import { ChangeFeed } from '../realtime/changes';

export interface SessionUser {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  /** A manager who has yet to set up two-step sign-in: only setting it up is open to them. */
  mustSetUpTwoStep?: boolean;
}

/** How a procedure sets or clears the session cookie without knowing about HTTP. */
export interface SessionCookie {
  /** The token the request arrived with, live or not. */
  currentToken: string | null;
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface Context {
  db: Kysely<Database>;
  /** Where reports read: the read replica (DATABASE_REPLICA_URL) when there is one, else `db`. */
  reportDb?: Kysely<Database>;
  logger: Logger;
  requestId: string;
  user: SessionUser | null;
  sessionId: string | null;
  /** A cookie came with the request but its session is over: the web says so on sign-in. */
  sessionExpired: boolean;
  sessionCookie: SessionCookie;
  /** The caller's address as the app sees it (after trusted proxies), for rate limits. */
  clientIp: string | null;
  /** The clock every rule reads, so tests can stand at any moment. */
  now: () => Date;
  /** Changes published by any Harbour process, for subscriptions. */
  changes: ChangeFeed;
}

const ignoreCookie: SessionCookie = { currentToken: null, set: () => undefined, clear: () => undefined };

/** Everything a procedure needs, without a request: what tests call through createCaller. */
export function createContextInner(
  options: Pick<Context, 'db' | 'logger'> & Partial<Omit<Context, 'db' | 'logger'>>,
): Context {
  return {
    requestId: 'internal',
    user: null,
    sessionId: null,
    sessionExpired: false,
    sessionCookie: ignoreCookie,
    clientIp: null,
    now: () => new Date(),
    // A feed with no database behind it: it never fires. Tests of subscriptions pass a real one.
    changes: new ChangeFeed(),
    ...options,
  };
}
