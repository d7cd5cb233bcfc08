import { DATABASE_UNAVAILABLE_MESSAGE } from '@harbour/shared/outage';
import { TRPCError } from '@trpc/server';

type UserFacingCode = 'BAD_REQUEST' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'UNAUTHORIZED' | 'TOO_MANY_REQUESTS';

/** An error whose message is written for the person at the screen, optionally about one field. */
export class UserFacingError extends TRPCError {
  constructor(
    code: UserFacingCode,
    message: string,
    readonly field?: string,
  ) {
    super({ code, message });
  }
}

export const badRequest = (message: string, field?: string): UserFacingError =>
  new UserFacingError('BAD_REQUEST', message, field);

export const notFound = (message: string): UserFacingError => new UserFacingError('NOT_FOUND', message);

export const forbidden = (message = 'You do not have permission to do that'): UserFacingError =>
  new UserFacingError('FORBIDDEN', message);

export const conflict = (message: string, field?: string): UserFacingError =>
  new UserFacingError('CONFLICT', message, field);

export const unauthorized = (message = 'Please sign in to continue'): UserFacingError =>
  new UserFacingError('UNAUTHORIZED', message);

/** A failure before the procedure's context existed; carries the request id for the reference. */
export class RequestFailure extends TRPCError {
  constructor(
    readonly requestId: string,
    cause: unknown,
  ) {
    super({ code: 'INTERNAL_SERVER_ERROR', message: 'request failed before its context was ready', cause });
  }
}

/** The database is out of reach: a 503 the web recognises, so forms keep what was typed and retry. */
export const databaseUnavailable = (cause: unknown): TRPCError =>
  new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE, cause });
