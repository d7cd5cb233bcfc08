import pino, { type Logger } from 'pino';

/**
 * Errors are logged by kind, message, SQLSTATE and stack only. Driver errors carry more
 * (pg's `detail` repeats the offending row, such as a person's email), and that must not
 * reach the logs.
 */
export function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    stack: error.stack,
    ...(error.cause !== undefined ? { cause: safeError(error.cause) } : {}),
  };
}

// Requests are logged by method and path only (see app.ts): query strings and bodies can
// hold a person's name or phone number, and cookies are secrets.
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'harbour' },
    serializers: { err: safeError },
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'], remove: true },
  });
}
