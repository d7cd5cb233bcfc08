import type { RequestHandler } from 'express';

/**
 * Refuses what a hostile page could make a signed-in browser send: form-encoded POSTs
 * (which need no CORS preflight) and anything the browser marks as coming from another site.
 * SameSite=Strict cookies already hold the line in modern browsers; this is the second wall.
 */
export function csrfGuard(allowedOrigin: string): RequestHandler {
  return (req, res, next) => {
    const fetchSite = req.get('sec-fetch-site');
    const origin = req.get('origin');
    if (fetchSite === 'cross-site' || fetchSite === 'same-site' || (origin !== undefined && origin !== allowedOrigin)) {
      res.status(403).json({ error: 'Cross-site request refused' });
      return;
    }
    const mediaType = (req.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (req.method === 'POST' && mediaType !== 'application/json') {
      res.status(415).json({ error: 'Requests must be sent as application/json' });
      return;
    }
    next();
  };
}
