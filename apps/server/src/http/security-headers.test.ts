import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../test/http-server';
import { useTestDatabase } from '../test/test-database';

const db = useTestDatabase();

describe('security headers in production', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(db(), { isProduction: true, origin: 'https://harbour.example' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('sends HSTS, a strict content security policy, nosniff and no referrer, on pages and on the API', async () => {
    for (const path of ['/healthz', '/trpc/auth.me', '/api/reports/placements.csv']) {
      const response = await fetch(`${app.url}${path}`);
      const headers = response.headers;
      expect(headers.get('strict-transport-security')).toMatch(/^max-age=(\d+); includeSubDomains/);
      expect(Number(/max-age=(\d+)/.exec(headers.get('strict-transport-security')!)![1])).toBeGreaterThanOrEqual(31_536_000);
      const policy = Object.fromEntries(
        (headers.get('content-security-policy') ?? '').split(';').map((directive) => {
          const [name = '', ...values] = directive.trim().split(/\s+/);
          return [name, values.join(' ')];
        }),
      );
      expect(policy).toMatchObject({ 'default-src': "'self'", 'script-src': "'self'", 'object-src': "'none'", 'base-uri': "'none'", 'frame-ancestors': "'none'" });
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('x-powered-by')).toBeNull();
    }
  });
});
