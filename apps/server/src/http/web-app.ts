import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';

// The built web app (apps/web/dist). Vite names every file under /assets by a hash of its
// content, so those can be cached for a year and never asked for again; index.html names the
// current ones, so the browser must check it on every visit.
//
// The web build writes a Brotli (.br) and a gzip (.gz) copy beside each text asset (see
// apps/web/vite.config.ts), so nothing is compressed per request: a browser that accepts one
// gets that copy, anything else gets the original.

const ONE_YEAR_MS = 365 * 24 * 60 * 60 * 1000;

const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** Asset names, relative to the assets folder, for which the build left a compressed copy. */
function precompressedIn(assetsDir: string): Map<string, Set<string>> {
  const available = new Map<string, Set<string>>();
  if (!existsSync(assetsDir)) return available;
  const names = new Set(readdirSync(assetsDir, { recursive: true }).map(String));
  for (const name of names) {
    for (const encoding of ENCODINGS) {
      if (!name.endsWith(encoding.suffix)) continue;
      const original = name.slice(0, -encoding.suffix.length);
      if (!names.has(original)) continue;
      const encodings = available.get(original) ?? new Set<string>();
      encodings.add(encoding.name);
      available.set(original, encodings);
    }
  }
  return available;
}

export function serveWebApp(app: Express, webDistDir: string): void {
  const assetsDir = path.join(webDistDir, 'assets');
  const precompressed = precompressedIn(assetsDir);
  const cacheForGood = { maxAge: ONE_YEAR_MS, immutable: true } as const;

  app.get('/assets/{*file}', (req, res, next) => {
    const name = decodeURIComponent(req.path.slice('/assets/'.length));
    const available = precompressed.get(name);
    // Brotli first whenever it is accepted: browsers list gzip before it with the same weight.
    const chosen = available && ENCODINGS.find((encoding) => available.has(encoding.name) && req.acceptsEncodings(encoding.name) === encoding.name);
    if (!chosen) {
      next();
      return;
    }
    // The type is the original file's; sendFile would otherwise name it by the .br or .gz.
    res.type(path.extname(name)).set({ 'Content-Encoding': chosen.name, Vary: 'Accept-Encoding' });
    res.sendFile(name + chosen.suffix, { ...cacheForGood, root: assetsDir, dotfiles: 'deny' }, (error) => {
      if (error) next(error);
    });
  });
  app.use('/assets', (_req, res, next) => {
    // A cache in between must not hand the original to a browser that asked for Brotli.
    res.vary('Accept-Encoding');
    next();
  });
  app.use('/assets', express.static(assetsDir, cacheForGood));
  // A file that is not there (a chunk of an older release, say) is a 404, not the app's page.
  app.use('/assets', (_req, res) => {
    res.status(404).end();
  });
  app.use(express.static(webDistDir, { index: false }));
  app.get('/{*splat}', (req, res, next) => {
    if (req.path.startsWith('/trpc') || req.path.startsWith('/api')) {
      next();
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(path.join(webDistDir, 'index.html'));
  });
}
