import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../test/factories';
import { expectSafeAnswer, nearlyValid, send, storedCounts, trpcBody } from '../../test/http-properties';
import { useRunningApp } from '../../test/http-server';
import { useTestDatabase } from '../../test/test-database';
import { turnOnTwoStep } from '../../test/two-step';

// Sign-in is the other door anyone can knock on. Generated inputs through the real HTTP app:
// never a 5xx or a stack, and the only trace a refused sign-in leaves is the audit row it is
// meant to write (auth.sign_in_failed). Each well-formed attempt costs an argon2 check, so the
// runs are fewer than for the callback form.

const db = useTestDatabase();
const app = useRunningApp(db);

/** Audit rows by action, to tell the intended failed-sign-in rows from anything else. */
async function auditByAction(): Promise<Record<string, number>> {
  const rows = await db()
    .selectFrom('audit_events')
    .select(['action', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('action')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.action, Number(row.count)]));
}

const withoutFailedSignIns = ({ 'auth.sign_in_failed': _failed, ...others }: Record<string, number>) => others;

describe('auth.login with generated input', () => {
  it('refuses anything but the right email and password, writing only a failed-sign-in audit row', async () => {
    const user = await createUser(db());
    const credentials = () => ({ email: user.email, password: user.password });
    const input = fc.oneof(
      { weight: 3, arbitrary: nearlyValid(credentials) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
      // Well-formed guesses: other addresses, or this one with the wrong password.
      {
        weight: 2,
        arbitrary: fc.record({
          email: fc.oneof(fc.constant(user.email), fc.stringMatching(/^[a-z]{1,12}\.[a-z]{1,12}$/).map((name) => `${name}@example.org`)),
          password: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }),
        }),
      },
    );
    const answers: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(input, async (sent) => {
        const [before, auditBefore] = await Promise.all([storedCounts(db()), auditByAction()]);
        const { status } = await expectSafeAnswer(await send(app().url, { path: '/trpc/auth.login', body: trpcBody(sent) }), sent);
        answers[status] = (answers[status] ?? 0) + 1;
        const [after, auditAfter] = await Promise.all([storedCounts(db()), auditByAction()]);

        expect([200, 400, 401, 429]).toContain(status);
        expect({ ...after, audit: 0 }).toEqual({ ...before, audit: 0 });
        if (status === 200) {
          const { email, password } = sent as { email: string; password: string };
          expect([email.trim().toLowerCase(), password]).toEqual([user.email.toLowerCase(), user.password]);
          expect(auditAfter['auth.signed_in']).toBe((auditBefore['auth.signed_in'] ?? 0) + 1);
        } else {
          // A failed sign-in is audited by design (and locks the account after five); nothing else is written.
          expect(withoutFailedSignIns(auditAfter)).toEqual(withoutFailedSignIns(auditBefore));
          expect(after.audit - before.audit).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
    // Both input checks (400) and wrong credentials (401) were reached.
    expect(answers, JSON.stringify(answers)).toMatchObject({ 400: expect.any(Number), 401: expect.any(Number) });
    expect(Math.min(answers[400]!, answers[401]!), JSON.stringify(answers)).toBeGreaterThan(20);
  }, 60_000);

  it('the second step (auth.verifyCode) refuses generated tokens and codes without failing', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    await turnOnTwoStep(db(), manager.id);
    const login = await send(app().url, { path: '/trpc/auth.login', body: trpcBody({ email: manager.email, password: manager.password }) });
    const { pendingToken } = ((await login.json()) as { result: { data: { json: { pendingToken: string } } } }).result.data.json;
    const input = fc.oneof(
      nearlyValid(() => ({ pendingToken, code: '000000' })),
      fc.record({ pendingToken: fc.string({ unit: 'binary', minLength: 20, maxLength: 100 }), code: fc.string({ minLength: 1, maxLength: 40 }) }),
      fc.record({ pendingToken: fc.constantFrom(`${pendingToken.slice(0, -1)}\u0000`, `${pendingToken}%`, "' or 1=1 --".padEnd(24, 'x')), code: fc.stringMatching(/^[a-z0-9 -]{6,30}$/) }),
    );
    await fc.assert(
      fc.asyncProperty(input, async (sent) => {
        const before = await storedCounts(db());
        const { status } = await expectSafeAnswer(await send(app().url, { path: '/trpc/auth.verifyCode', body: trpcBody(sent) }), sent);
        expect([400, 401, 429]).toContain(status);
        expect({ ...(await storedCounts(db())), audit: 0 }).toEqual({ ...before, audit: 0 });
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
