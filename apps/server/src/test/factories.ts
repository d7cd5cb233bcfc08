import type { Role } from '@harbour/shared/roles';
import type { CreateUserInput } from '@harbour/shared/users';
import type { Kysely } from 'kysely';
import pino from 'pino';
import type { Database } from '../db/database';
import { isTwoStepRequired } from '@harbour/shared/two-step';
import { isTwoStepEnabled } from '../features/mfa/mfa.service';
import { resolveSession } from '../features/sessions/sessions.service';
import { hashPassword } from '../features/users/users.passwords';
import { createStaffMember, type StaffMember } from '../features/users/users.service';
import { createContextInner, type Context, type SessionCookie, type SessionUser } from '../trpc/context';
import { createCaller } from '../trpc/router';
import { rememberClientShape } from './trpc-errors';
import { turnOnTwoStep, unusedCode } from './two-step';

export const DEFAULT_PASSWORD = 'correct horse battery staple';

let userSequence = 0;

export type TestUser = StaffMember & { password: string };

/** A member of staff made the way a manager makes one, so the hash is real argon2id. */
export async function createUser(db: Kysely<Database>, overrides: Partial<CreateUserInput> = {}): Promise<TestUser> {
  userSequence += 1;
  const input: CreateUserInput = {
    email: `staff${userSequence}@harbour.test`,
    fullName: `Staff Member ${userSequence}`,
    role: 'adviser',
    password: DEFAULT_PASSWORD,
    ...overrides,
  };
  const created = await createStaffMember(db, { userId: null, requestId: 'test-setup' }, input);
  return { ...created, password: input.password };
}

let bulkPasswordHash: Promise<string> | undefined;

/**
 * Many colleagues at once, for tests of many people acting together: one insert and one
 * argon2 hash shared by all, where createUser would hash for each.
 */
export async function createStaffInBulk(db: Kysely<Database>, count: number, role: Role = 'adviser'): Promise<SessionUser[]> {
  bulkPasswordHash ??= hashPassword(DEFAULT_PASSWORD);
  const passwordHash = await bulkPasswordHash;
  const first = userSequence + 1;
  userSequence += count;
  const rows = Array.from({ length: count }, (_, index) => ({
    email: `staff${first + index}@harbour.test`,
    full_name: `Staff Member ${first + index}`,
    role,
    password_hash: passwordHash,
  }));
  return db
    .insertInto('users')
    .values(rows)
    .returning(['id', 'email', 'full_name as fullName', 'role'])
    .execute();
}

export interface RecordingCookie extends SessionCookie {
  readonly sets: Array<{ token: string; expiresAt: Date }>;
  readonly clearCount: number;
}

/** Stands in for the HTTP cookie and remembers what the procedure did with it. */
export function recordingCookie(currentToken: string | null = null): RecordingCookie {
  const sets: Array<{ token: string; expiresAt: Date }> = [];
  let clearCount = 0;
  return {
    currentToken,
    sets,
    get clearCount() {
      return clearCount;
    },
    set: (token, expiresAt) => {
      sets.push({ token, expiresAt });
    },
    clear: () => {
      clearCount += 1;
    },
  };
}

export const silentLogger = pino({ level: 'silent' });

type Caller = ReturnType<typeof createCaller>;

export interface CallerOptions extends Partial<Omit<Context, 'db' | 'logger' | 'user' | 'now'>> {
  /** The moment of the request: a Date stands still, a function can move. */
  now?: Date | (() => Date);
  /** Ends the caller's subscriptions, as a browser closing its event stream would. */
  signal?: AbortSignal;
}

export function callerFor(db: Kysely<Database>, user: SessionUser | null, options: CallerOptions = {}): Caller {
  const { now, signal, ...extras } = options;
  // Only the session's fields: a StaffMember carries more than a request would.
  const sessionUser = user && {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    ...(user.mustSetUpTwoStep ? { mustSetUpTwoStep: true } : {}),
  };
  return createCaller(
    createContextInner({
      db,
      logger: silentLogger,
      user: sessionUser,
      sessionCookie: recordingCookie(),
      ...extras,
      ...(now === undefined ? {} : { now: typeof now === 'function' ? now : () => now }),
    }),
    { onError: rememberClientShape, signal },
  );
}

export interface SignedIn {
  caller: Caller;
  token: string;
  sessionId: string;
  cookie: RecordingCookie;
}

/**
 * Signs in through auth.login (and auth.verifyCode, with a code made from the person's key,
 * when they have two-step sign-in on) and builds the next request's context the way the HTTP
 * layer does: from the session the cookie's token resolves to. A manager is first given
 * two-step sign-in, as every manager must have, unless the test asks for one without it.
 */
export async function signInAs(
  db: Kysely<Database>,
  user: { email: string; password: string },
  { setUpTwoStepForManager = true }: { setUpTwoStepForManager?: boolean } = {},
): Promise<SignedIn> {
  if (setUpTwoStepForManager) {
    const account = await db.selectFrom('users').select(['id', 'role']).where('email', '=', user.email.toLowerCase()).executeTakeFirst();
    if (account && isTwoStepRequired(account.role) && !(await isTwoStepEnabled(db, account.id))) await turnOnTwoStep(db, account.id);
  }
  const loginCookie = recordingCookie();
  const anonymous = callerFor(db, null, { sessionCookie: loginCookie });
  const answer = await anonymous.auth.login({ email: user.email, password: user.password });
  if (answer.status === 'code_needed') {
    const account = await db.selectFrom('users').select('id').where('email', '=', user.email.toLowerCase()).executeTakeFirstOrThrow();
    await anonymous.auth.verifyCode({ pendingToken: answer.pendingToken, code: await unusedCode(db, account.id) });
  }
  const token = loginCookie.sets[0]?.token;
  if (!token) throw new Error('auth.login did not set a session cookie');
  return { ...(await nextRequest(db, token)), token };
}

/** The context a request carrying this token would get, as app.ts builds it. */
export async function nextRequest(
  db: Kysely<Database>,
  token: string,
): Promise<{ caller: Caller; sessionId: string; cookie: RecordingCookie }> {
  const session = await resolveSession(db, token, { allowTwoStepSetUp: true });
  if (!session) throw new Error('The session token does not resolve');
  const cookie = recordingCookie(token);
  const caller = callerFor(db, session.user, { sessionId: session.sessionId, sessionCookie: cookie });
  return { caller, sessionId: session.sessionId, cookie };
}
