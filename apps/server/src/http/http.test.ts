import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect';
import { MAX_BATCH_SIZE, MAX_BODY_BYTES } from '../app';
import { migrateToLatest } from '../db/migrate';
import { migrations } from '../db/migrations';
import { createUser, type TestUser } from '../test/factories';
import { startApp, TEST_ORIGIN, useRunningApp, type RunningApp } from '../test/http-server';
import { openTestDatabase, useTestDatabase } from '../test/test-database';

const db = useTestDatabase();
const app = useRunningApp(db);

function postJson(baseUrl: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

function login(baseUrl: string, user: { email: string; password: string }, headers: Record<string, string> = {}): Promise<Response> {
  return postJson(baseUrl, '/trpc/auth.login', { json: { email: user.email, password: user.password } }, headers);
}

function sessionCookieOf(response: Response): { name: string; value: string; attributes: string[] } | undefined {
  const [cookie] = response.headers.getSetCookie();
  if (!cookie) return undefined;
  const [pair = '', ...attributes] = cookie.split(';').map((part) => part.trim());
  const separator = pair.indexOf('=');
  return { name: pair.slice(0, separator), value: pair.slice(separator + 1), attributes };
}

describe('health checks', () => {
  it('GET /healthz answers ok', async () => {
    const response = await fetch(`${app().url}/healthz`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz is ready when every migration has run', async () => {
    const response = await fetch(`${app().url}/readyz`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
  });
});

// Each request below would sign this person in if the guard let it through.
describe('cross-site request guard', () => {
  let user: TestUser;
  beforeEach(async () => {
    user = await createUser(db());
  });

  it('refuses a POST that is not JSON with 415', async () => {
    const response = await fetch(`${app().url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ json: { email: user.email, password: user.password } }),
    });

    expect(response.status).toBe(415);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('refuses a request from a foreign Origin with 403', async () => {
    const response = await login(app().url, user, { origin: 'https://evil.example' });

    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('refuses a request the browser marks cross-site with 403', async () => {
    const response = await login(app().url, user, { 'sec-fetch-site': 'cross-site' });

    expect(response.status).toBe(403);
  });
});

describe('signing in over HTTP', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie that later requests are known by', async () => {
    const user = await createUser(db(), { fullName: 'Amira Shah' });

    const response = await login(app().url, user, { origin: TEST_ORIGIN, 'sec-fetch-site': 'same-origin' });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      result: { data: { json: { status: 'signed_in', user: { id: user.id, email: user.email, fullName: 'Amira Shah', role: 'adviser', mustSetUpTwoStep: false } } } },
    });
    const cookie = sessionCookieOf(response);
    expect(cookie?.name).toBe('harbour_session');
    expect(cookie?.attributes).toContain('HttpOnly');
    expect(cookie?.attributes).toContain('SameSite=Strict');
    expect(cookie?.attributes).toContain('Path=/');
    expect(cookie?.attributes).not.toContain('Secure');

    const me = await fetch(`${app().url}/trpc/auth.me`, { headers: { cookie: `harbour_session=${cookie?.value}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ result: { data: { json: { id: user.id } } } });
  });

  it('says the session has ended and clears a cookie that no longer resolves', async () => {
    const response = await fetch(`${app().url}/trpc/auth.me`, { headers: { cookie: 'harbour_session=long-gone' } });

    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { json: { message: string; data: { sessionExpired: boolean } } } };
    expect(body.error.json.message).toBe('Your session has ended. Please sign in again.');
    expect(body.error.json.data.sessionExpired).toBe(true);
    const cleared = sessionCookieOf(response);
    expect(cleared?.name).toBe('harbour_session');
    expect(cleared?.value).toBe('');
  });

  it('keeps API answers out of caches and forbids inline scripts', async () => {
    const response = await fetch(`${app().url}/trpc/auth.me`);

    expect(response.headers.get('cache-control')).toBe('no-store');
    const policy = response.headers.get('content-security-policy') ?? '';
    const scriptSrc = policy.split(';').map((directive) => directive.trim()).find((directive) => directive.startsWith('script-src '));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
  });
});

describe('request limits', () => {
  it(`accepts a batch of ${MAX_BATCH_SIZE} calls but refuses ${MAX_BATCH_SIZE + 1} with 400`, async () => {
    const batchOf = (size: number) => `${app().url}/trpc/${Array(size).fill('auth.me').join(',')}?batch=1`;

    const allowed = await fetch(batchOf(MAX_BATCH_SIZE));
    const refused = await fetch(batchOf(MAX_BATCH_SIZE + 1));

    expect(allowed.status).toBe(401);
    expect(refused.status).toBe(400);
  });

  it('accepts a body just under 256 KB but refuses one over it with 413', async () => {
    const user = await createUser(db());
    const loginPaddedTo = (bytes: number) => {
      const body = { json: { email: user.email, password: user.password, padding: '' } };
      body.json.padding = 'x'.repeat(bytes - JSON.stringify(body).length);
      return postJson(app().url, '/trpc/auth.login', body);
    };

    const underLimit = await loginPaddedTo(256 * 1024 - 1);
    const overLimit = await loginPaddedTo(256 * 1024 + 1);

    expect(MAX_BODY_BYTES).toBe(256 * 1024);
    expect(underLimit.status).toBe(200);
    expect(overLimit.status).toBe(413);
    expect(overLimit.headers.getSetCookie()).toEqual([]);
  });
});

describe('in production', () => {
  let productionApp: RunningApp;
  beforeAll(async () => {
    productionApp = await startApp(db(), { isProduction: true, origin: 'https://harbour.example.org' });
  });
  afterAll(async () => {
    await productionApp?.close();
  });

  it('names the cookie __Host-harbour_session and marks it Secure', async () => {
    const user = await createUser(db());

    const response = await login(productionApp.url, user, { origin: 'https://harbour.example.org' });

    expect(response.status).toBe(200);
    const cookie = sessionCookieOf(response);
    expect(cookie?.name).toBe('__Host-harbour_session');
    expect(cookie?.attributes).toEqual(expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Strict', 'Path=/']));
    expect(cookie?.attributes.some((attribute) => attribute.startsWith('Domain='))).toBe(false);
  });
});

describe('before migrations have run', () => {
  let freshDatabase: DatabaseHandle;
  let freshApp: RunningApp;
  beforeAll(async () => {
    freshDatabase = await openTestDatabase({ migrated: false });
    freshApp = await startApp(freshDatabase.db);
  });
  afterAll(async () => {
    await freshApp?.close();
    await freshDatabase?.close();
  });

  it('GET /readyz answers 503 until the migrations have run, then 200', async () => {
    const before = await fetch(`${freshApp.url}/readyz`);
    expect(before.status).toBe(503);
    expect(await before.json()).toEqual({ status: 'unavailable', reason: 'database migrations are not current' });

    expect(await migrateToLatest(freshDatabase.db)).toEqual(Object.keys(migrations));

    const after = await fetch(`${freshApp.url}/readyz`);
    expect(after.status).toBe(200);
    expect(await migrateToLatest(freshDatabase.db)).toEqual([]);
  });
});

describe('when the database is gone', () => {
  let lostDatabase: DatabaseHandle;
  let orphanApp: RunningApp;
  beforeAll(async () => {
    lostDatabase = await openTestDatabase();
    orphanApp = await startApp(lostDatabase.db);
    await lostDatabase.close();
  });
  afterAll(async () => {
    await orphanApp?.close();
  });

  it('GET /readyz answers 503', async () => {
    const response = await fetch(`${orphanApp.url}/readyz`);

    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', reason: 'database not reachable' });
  });

  it('a failing procedure tells the user only a reference, never the cause', async () => {
    const requestId = 'test-request-0001';

    const response = await login(orphanApp.url, { email: 'someone@harbour.test', password: 'any password' }, { 'x-request-id': requestId });

    expect(response.status).toBe(500);
    expect(response.headers.get('x-request-id')).toBe(requestId);
    const text = await response.text();
    const body = JSON.parse(text) as { error: { json: { message: string; data: Record<string, unknown> } } };
    expect(body.error.json.message).toBe(`Something went wrong (ref ${requestId}). Please try again.`);
    expect(body.error.json.data).not.toHaveProperty('stack');
    expect(text).not.toMatch(/select|users|destroyed|pool|kysely|\.ts:|\bat /i);
  });

  it('a request whose session cannot be checked still gets its own reference', async () => {
    const requestId = 'test-request-0002';

    const response = await fetch(`${orphanApp.url}/trpc/auth.me`, {
      headers: { cookie: 'harbour_session=some-token', 'x-request-id': requestId },
    });

    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { json: { message: string } } };
    expect(body.error.json.message).toBe(`Something went wrong (ref ${requestId}). Please try again.`);
  });
});
