import { can, type Permission } from '@harbour/shared/permissions';
import { TWO_STEP_REQUIRED_MESSAGE } from '@harbour/shared/two-step';
import { initTRPC, StandardSchemaV1Error } from '@trpc/server';
import { ZodError } from 'zod';
import type { Context, SessionUser } from './context';
import { isDatabaseUnreachable } from '../db/availability';
import { isSessionLive } from '../features/sessions/sessions.service';
import { databaseUnavailable, forbidden, RequestFailure, unauthorized, UserFacingError } from './errors';
import { wireTransformer } from './wire-format';

export type FieldErrors = Record<string, string>;

function fieldErrorsOf(cause: unknown, error: unknown): FieldErrors | null {
  // Sign-in's inputs are hand-written Standard Schemas (packages/shared/src/sign-in.ts), the rest zod.
  if (cause instanceof ZodError || cause instanceof StandardSchemaV1Error) {
    const fieldErrors: FieldErrors = {};
    for (const issue of cause.issues) {
      const field = (issue.path ?? []).map((segment) => String(typeof segment === 'object' ? segment.key : segment)).join('.') || 'form';
      fieldErrors[field] ??= issue.message;
    }
    return fieldErrors;
  }
  if (error instanceof UserFacingError && error.field) return { [error.field]: error.message };
  return null;
}

const t = initTRPC.context<Context>().create({
  transformer: wireTransformer,
  sse: {
    // Pings keep proxies from closing a quiet stream; ending each stream after five minutes
    // makes the browser reconnect, which checks the session again.
    ping: { enabled: true, intervalMs: 15_000 },
    maxDurationMs: 5 * 60_000,
    client: { reconnectAfterInactivityMs: 30_000 },
  },
  errorFormatter({ shape, error, ctx }) {
    const fieldErrors = fieldErrorsOf(error.cause, error);
    const isUnexpected = error.code === 'INTERNAL_SERVER_ERROR';
    // Only messages we wrote reach the browser: never a stack, never database text.
    const message = isUnexpected
      ? `Something went wrong (ref ${ctx?.requestId ?? (error instanceof RequestFailure ? error.requestId : 'unknown')}). Please try again.`
      : fieldErrors
        ? (Object.values(fieldErrors)[0] ?? shape.message)
        : shape.message;
    return {
      message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        fieldErrors,
        sessionExpired: error.code === 'UNAUTHORIZED' && ctx?.sessionExpired === true,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

// Every procedure: a database out of reach is the same plain 503 wherever it surfaces, never
// "Something went wrong" with a reference nobody can act on.
export const publicProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDatabaseUnreachable(result.error)) throw databaseUnavailable(result.error.cause ?? result.error);
  return result;
});

function signedInUser(ctx: Context): SessionUser {
  if (!ctx.user) {
    throw unauthorized(ctx.sessionExpired ? 'Your session has ended. Please sign in again.' : undefined);
  }
  return ctx.user;
}

/**
 * Signed in, even as a manager who has yet to set up two-step sign-in: only for who-am-I and
 * setting it up. Everything else is built on authedProcedure.
 */
export const enrolmentProcedure = publicProcedure.use(({ ctx, next }) => next({ ctx: { user: signedInUser(ctx) } }));

/** Passes a stream's items on while its session lives; ended sessions hear nothing more. */
async function* whileSessionLive<T>(stream: AsyncIterable<T>, isLive: () => Promise<boolean>): AsyncGenerator<T> {
  for await (const item of stream) {
    // Ends quietly: the browser's next request meets the ended session and returns to sign-in.
    if (!(await isLive())) return;
    yield item;
  }
}

/**
 * Signed in, two-step sign-in set up where the role needs it, and, when given, holding the
 * permission. One middleware for the three checks, in that order: each middleware is another
 * pass through tRPC's call chain on every request, and every hot read runs these.
 */
function signedInWith(permission?: Permission) {
  return publicProcedure.use(async ({ ctx, type, next }) => {
    const user = signedInUser(ctx);
    if (user.mustSetUpTwoStep) throw forbidden(TWO_STEP_REQUIRED_MESSAGE);
    if (permission && !can(user.role, permission)) throw forbidden();
    const result = await next({ ctx: { user } });
    // A subscription outlives the request that opened it: signing out elsewhere, a manager
    // ending the sessions or deactivating the account stops it at its next event.
    const { sessionId, db } = ctx;
    if (type === 'subscription' && result.ok && sessionId && isAsyncIterable(result.data)) {
      return { ...result, data: whileSessionLive(result.data, () => isSessionLive(db, sessionId)) };
    }
    return result;
  });
}

export const authedProcedure = signedInWith();

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

export function requirePermission(permission: Permission) {
  return signedInWith(permission);
}
