import { getTRPCErrorShape, type TRPCError } from '@trpc/server';
import type { RouterCallerErrorHandler } from '@trpc/server/unstable-core-do-not-import';
import type { Context } from '../trpc/context';
import { appRouter } from '../trpc/router';

type ErrorShape = ReturnType<typeof getTRPCErrorShape<typeof appRouter._def._config.$types>>;

export interface Rejection {
  code: TRPCError['code'];
  /** What the person at the screen would read: the errorFormatter's message. */
  message: string;
  fieldErrors: Record<string, string> | null;
  sessionExpired: boolean;
}

// createCaller skips the router's errorFormatter (only the HTTP handler applies it), so the
// caller's onError formats each error with the request's context, as the HTTP layer would.
const shapesByThrown = new WeakMap<object, ErrorShape>();

export const rememberClientShape: RouterCallerErrorHandler<Context> = ({ error, ctx, path, type, input }) => {
  const shape = getTRPCErrorShape({ config: appRouter._def._config, error, type, path, input, ctx });
  shapesByThrown.set(error, shape);
  // A non-tRPC error is rethrown as itself; onError sees it wrapped.
  if (typeof error.cause === 'object') shapesByThrown.set(error.cause, shape);
};

/** Awaits a procedure call that must fail and returns the error as a client would see it. */
export async function rejectionOf(call: Promise<unknown>): Promise<Rejection> {
  let caught: unknown;
  try {
    await call;
  } catch (error) {
    caught = error;
  }
  if (caught === undefined) throw new Error('Expected the call to fail, but it succeeded');
  const shape = typeof caught === 'object' && caught !== null ? shapesByThrown.get(caught) : undefined;
  if (!shape) throw caught;
  return {
    code: shape.data.code,
    message: shape.message,
    fieldErrors: shape.data.fieldErrors,
    sessionExpired: shape.data.sessionExpired,
  };
}
