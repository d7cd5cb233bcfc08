import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

declare module 'http' {
  interface IncomingMessage {
    /** The request's reference: sent back as X-Request-Id, on every log line and in "Something went wrong (ref …)". */
    id: string;
    /** The process's logger with this request's id, method and path bound. */
    log: Logger;
  }
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9-]{8,64}$/;

// Probes would fill the log with a line every few seconds per load balancer.
const QUIET_PATHS = new Set(['/healthz', '/readyz']);

/**
 * Gives each request an id and a logger, and logs one line when it ends: method, path (never
 * the query string, which can carry a person's name or phone number), status and time taken.
 * This is what pino-http did for Harbour, without its per-request work that the logs never
 * used: it serialised the whole request (headers, parsed query) into a child logger at the
 * start of every request, logged or not.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', id);
    req.id = id;
    const path = pathOf(req);
    req.log = logger.child({ req: { id, method: req.method, path } });
    if (!QUIET_PATHS.has(path) && logger.isLevelEnabled('info')) logWhenDone(req, res, performance.now());
    next();
  };
}

function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

function logWhenDone(req: IncomingMessage, res: ServerResponse, startedAt: number): void {
  const done = () => {
    res.off('finish', done);
    res.off('close', done);
    const line = { res: { statusCode: res.statusCode }, responseTime: Math.round(performance.now() - startedAt) };
    // A 5xx has already been logged with its cause where it happened; this line says it reached the person.
    if (res.statusCode >= 500) req.log.info(line, 'request errored');
    else req.log.info(line, 'request completed');
  };
  res.on('finish', done);
  res.on('close', done);
}
