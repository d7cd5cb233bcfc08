import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Helmet's headers with Harbour's policy. Nothing in the policy depends on the request, so
 * helmet is asked once, at start, what it would set, and each response gets that list: helmet
 * itself rebuilds the policy string and walks its fourteen middlewares on every request, a
 * measurable share of a hot read's time.
 */
export function securityHeaders({ isProduction }: { isProduction: boolean }): RequestHandler {
  const headers = headersSetBy(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          // Nothing here sets a <base>; refusing one stops injected markup re-pointing relative links.
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(isProduction ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: isProduction,
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** The headers a middleware sets on a response, recorded without a request. */
function headersSetBy(middleware: Middleware): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  const recorder = {
    setHeader: (name: string, value: string) => headers.push([name, value]),
    // X-Powered-By: Express's own is switched off in createApp.
    removeHeader: () => undefined,
  };
  let isDone = false;
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (error) => {
    if (error) throw error instanceof Error ? error : new Error(String(error));
    isDone = true;
  });
  if (!isDone) throw new Error('The security headers middleware did not finish synchronously');
  return headers;
}
