import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { DATABASE_UNAVAILABLE_MESSAGE } from '@harbour/shared/outage';
import { isDatabaseUnreachable, type DatabaseHealth } from './db/availability';
import type { Database } from './db/database';
import { isSchemaCurrent } from './db/migrate';
import { privacyDownloads } from './features/privacy/privacy.http';
import { reportDownloads } from './features/reports/reports.http';
import { resolveSession } from './features/sessions/sessions.service';
import { addressForLimits } from './http/client-address';
import { csrfGuard } from './http/csrf';
import { requestLog } from './http/request-log';
import { securityHeaders } from './http/security-headers';
import type { ChangeFeed } from './realtime/changes';
import { sessionCookieFor } from './http/session-cookie';
import { serveWebApp } from './http/web-app';
import type { Context } from './trpc/context';
import { databaseUnavailable, RequestFailure } from './trpc/errors';
import { trpcHandler } from './trpc/http-handler';
import { appRouter } from './trpc/router';

export const MAX_BATCH_SIZE = 10;
export const MAX_BODY_BYTES = 256 * 1024;

export interface AppOptions {
  db: Kysely<Database>;
  /** Where reports read: the read replica when DATABASE_REPLICA_URL is set; else db. */
  reportDb?: Kysely<Database>;
  logger: Logger;
  origin: string;
  isProduction: boolean;
  changes: ChangeFeed;
  /** What the process knows about the database's reachability; /readyz answers from it. */
  health?: DatabaseHealth;
  /** Express's "trust proxy": which proxies may tell Harbour the visitor's address. */
  trustProxy?: string;
  /** The built web app; when absent the server answers the API only (tests, `pnpm dev`). */
  webDistDir?: string;
}

function isEventStream(req: express.Request): boolean {
  return (req.get('accept') ?? '').includes('text/event-stream');
}

// A readiness check must answer quickly whatever the database is doing: a load balancer
// that waits on a connect timeout keeps sending people to a Harbour that cannot serve them.
const READINESS_TIMEOUT_MS = 1_000;

function withinReadinessTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('readiness check timed out')), READINESS_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function createApp({ db, reportDb = db, logger, origin, isProduction, changes, health, trustProxy = 'loopback', webDistDir }: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy);

  app.use(requestLog(logger));
  app.use(securityHeaders({ isProduction }));

  app.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });

  app.get('/readyz', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    if (health && !health.isReachable) {
      res.status(503).json({ status: 'unavailable', reason: 'database not reachable' });
      return;
    }
    try {
      const isCurrent = await withinReadinessTimeout(isSchemaCurrent(db));
      if (!isCurrent) {
        res.status(503).json({ status: 'unavailable', reason: 'database migrations are not current' });
        return;
      }
      res.json({ status: 'ready' });
    } catch (error) {
      req.log.warn({ err: error }, 'readiness check failed');
      health?.suspect();
      res.status(503).json({ status: 'unavailable', reason: 'database not reachable' });
    }
  });

  app.use(['/trpc', '/api'], (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  app.use(['/trpc', '/api'], csrfGuard(origin));

  app.use(
    '/trpc',
    trpcHandler({
      router: appRouter,
      maxBatchSize: MAX_BATCH_SIZE,
      maxBodySize: MAX_BODY_BYTES,
      createContext: async (req, res): Promise<Context> => {
        const sessionCookie = sessionCookieFor(req, res, { isProduction });
        // A live stream reconnecting is not the person doing anything: it must not hold off idle expiry.
        const isActivity = !isEventStream(req);
        const session = sessionCookie.currentToken
          ? await resolveSession(db, sessionCookie.currentToken, { isActivity, allowTwoStepSetUp: true }).catch((cause: unknown) => {
              throw isDatabaseUnreachable(cause) ? databaseUnavailable(cause) : new RequestFailure(req.id, cause);
            })
          : null;
        if (sessionCookie.currentToken && !session) sessionCookie.clear();
        return {
          db,
          reportDb,
          logger: req.log,
          requestId: req.id,
          user: session?.user ?? null,
          sessionId: session?.sessionId ?? null,
          sessionExpired: sessionCookie.currentToken !== null && session === null,
          sessionCookie,
          clientIp: req.ip ? addressForLimits(req.ip) : null,
          now: () => new Date(),
          changes,
        };
      },
      onError: ({ error, path, req }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          // The procedure path and error, never the input: inputs hold personal data.
          req.log.error({ err: error.cause ?? error, procedure: path }, 'procedure failed');
        } else if (error.code === 'SERVICE_UNAVAILABLE') {
          req.log.warn({ procedure: path }, 'procedure refused: database not reachable');
        }
      },
    }),
  );

  app.use('/api', reportDownloads({ db, reportDb, isProduction }));
  app.use('/api', privacyDownloads({ db, isProduction }));

  if (webDistDir && existsSync(path.join(webDistDir, 'index.html'))) {
    serveWebApp(app, webDistDir);
  }

  app.use(['/trpc', '/api'], (_req, res) => {
    res.status(404).json({ error: 'Not found' });
  });

  // Express's own handler would print a stack trace outside production.
  app.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    if (isDatabaseUnreachable(error)) {
      req.log.warn({ path: req.path }, 'request refused: database not reachable');
      res.status(503).set('Retry-After', '5').json({ error: DATABASE_UNAVAILABLE_MESSAGE });
      return;
    }
    const status = typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 500;
    if (status >= 500) req.log.error({ err: error }, 'request failed');
    res.status(status).json({ error: status >= 500 ? `Something went wrong (ref ${req.id})` : 'Bad request' });
  });

  return app;
}
