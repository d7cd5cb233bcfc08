import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { enrolWithKnownKey } from '../features/mfa/mfa.service';
import { codeForStep, newTotpKey, stepAt } from '../features/mfa/totp';

// Keys of people whose two-step sign-in a test switched on, so the test can make their codes
// as their phone would.
const keys = new Map<string, Buffer>();

export async function turnOnTwoStep(db: Kysely<Database>, userId: string): Promise<Buffer> {
  const key = newTotpKey();
  await enrolWithKnownKey(db, userId, key);
  keys.set(userId, key);
  return key;
}

export function keyOf(userId: string): Buffer {
  const key = keys.get(userId);
  if (!key) throw new Error('This test did not switch on two-step sign-in for that user');
  return key;
}

/**
 * A code Harbour has not yet accepted: the current one, or the next step's when the current one
 * was used (a code is never accepted twice, and tests sign in faster than 30 seconds apart).
 */
export async function unusedCode(db: Kysely<Database>, userId: string, key?: Buffer, now = new Date()): Promise<string> {
  const row = await db.selectFrom('two_step_secrets').select('last_used_step').where('user_id', '=', userId).executeTakeFirst();
  const current = stepAt(now);
  const last = row?.last_used_step;
  const step = last === null || last === undefined ? current : Math.max(current - 1, last + 1);
  if (step > current + 1) throw new Error('Every code within the next 30 seconds has been used');
  return codeForStep(key ?? keyOf(userId), step);
}

async function postJson(baseUrl: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: body }) });
}

/**
 * Signs in over HTTP as the browser does, giving a code when asked (managers are given two-step
 * sign-in first, as they must have), and returns the session cookie as a request header value.
 */
export async function sessionCookieOverHttp(db: Kysely<Database>, baseUrl: string, user: { id: string; role: string; email: string; password: string }): Promise<string> {
  if (user.role === 'manager' && !keys.has(user.id)) {
    const row = await db.selectFrom('two_step_secrets').select('enabled_at').where('user_id', '=', user.id).executeTakeFirst();
    if (!row?.enabled_at) await turnOnTwoStep(db, user.id);
  }
  let response = await postJson(baseUrl, 'auth.login', { email: user.email, password: user.password });
  const answer = ((await response.clone().json()) as { result?: { data?: { json?: { status?: string; pendingToken?: string } } } }).result?.data?.json;
  if (answer?.status === 'code_needed') {
    response = await postJson(baseUrl, 'auth.verifyCode', { pendingToken: answer.pendingToken, code: await unusedCode(db, user.id) });
  }
  const [cookie] = response.headers.getSetCookie();
  if (!cookie) throw new Error(`Signing in over HTTP set no cookie (status ${response.status})`);
  return cookie.split(';')[0]!;
}
