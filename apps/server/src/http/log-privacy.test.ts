import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeError } from '../logger';
import { callbackRequestInput } from '../test/callbacks';
import { createUser } from '../test/factories';
import { startApp, type RunningApp } from '../test/http-server';
import { useTestDatabase } from '../test/test-database';

const db = useTestDatabase();

// What a person told us, which must never reach a log line, however the request went.
const person = {
  fullName: 'Jo Privateperson',
  phone: '07400 654321',
  email: 'jo.private@example.org',
  message: 'He has been drinking heavily since his diagnosis and talks about ending it',
};
const secrets = ['Privateperson', '654321', '7400654321', 'jo.private', 'drinking heavily', 'diagnosis', 'ending it', 'nobody.private', 'a wrong password'];

describe('logs', () => {
  const lines: string[] = [];
  let app: RunningApp;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    // As main.ts configures it, at the most talkative level.
    app = await startApp(db(), { logger: pino({ level: 'trace', serializers: { err: safeError } }, sink) });
  });
  afterAll(async () => {
    await app.close();
  });

  const post = (path: string, body: unknown, cookie?: string) =>
    fetch(`${app.url}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ json: body }) });

  it('never hold a phone number, an email address, a name or what someone said, whatever the request', async () => {
    const adviser = await createUser(db());
    // A callback request, accepted; the same with a phone number refused; a robot's.
    expect((await post('callbacks.request', callbackRequestInput({ ...person, substances: ['alcohol'] }))).status).toBe(200);
    expect((await post('callbacks.request', callbackRequestInput({ ...person, phone: '0740 654321' }))).status).toBe(400);
    // Sign-ins that fail: an unknown address, a wrong password.
    await post('auth.login', { email: 'nobody.private@example.org', password: 'a wrong password' });
    await post('auth.login', { email: adviser.email, password: 'a wrong password' });
    // A signed-in search by phone and by name: the query string carries them.
    const signedIn = await post('auth.login', { email: adviser.email, password: adviser.password });
    const cookie = signedIn.headers.getSetCookie()[0]!.split(';')[0]!;
    for (const query of [person.phone, person.fullName, person.email]) {
      const input = encodeURIComponent(JSON.stringify({ json: { query } }));
      expect((await fetch(`${app.url}/trpc/cases.search?input=${input}`, { headers: { cookie } })).status).toBe(200);
    }

    const logged = lines.join('');
    // The requests were logged, by path: the test would pass on an empty log otherwise.
    expect(logged).toContain('/trpc/callbacks.request');
    expect(logged).toContain('/trpc/cases.search');
    expect(secrets.filter((secret) => logged.includes(secret))).toEqual([]);
  });
});
