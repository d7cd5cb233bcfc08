import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openCase } from '../test/cases';
import { createUser } from '../test/factories';
import { expectSafeAnswer, nearlyValid, oddValue, send, storedCounts, trpcQueryPath } from '../test/http-properties';
import { useRunningApp } from '../test/http-server';
import { useTestDatabase } from '../test/test-database';
import { sessionCookieOverHttp } from '../test/two-step';

// The read procedures staff type free text into (search boxes, list and report filters),
// fuzzed as a signed-in adviser, team lead and manager through the real HTTP app: whatever is
// typed or put in a hand-made URL, never a 5xx or database text, and a read writes no case
// or request (reads are audited, which is the point, so the audit table may grow).

const db = useTestDatabase();
const app = useRunningApp(db);

type Role = 'adviser' | 'team_lead' | 'manager';

/** Each role signed in over HTTP (the tables are emptied before every test), with a few cases to find. */
async function signedInStaff(): Promise<Record<Role, string>> {
  const cookies: Partial<Record<Role, string>> = {};
  for (const role of ['adviser', 'team_lead', 'manager'] as const) {
    const user = await createUser(db(), { role });
    cookies[role] = await sessionCookieOverHttp(db(), app().url, user);
    if (role === 'adviser') for (const clientName of ['Chris Morgan', "Siobhán O'Neill", 'Zoë 100%_Done']) await openCase(db(), user, { clientName });
  }
  return cookies as Record<Role, string>;
}

// Text chosen to trip a query built by hand: LIKE wildcards, escapes, quotes, NUL, scripts.
const searchText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 130 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.stringMatching(/^[%_\\'"*?()[\]{}|^$.+-]{1,20}$/),
  fc.constantFrom('%%', '_%', '\\', "O'Neill", '"; select 1; --', 'a\u0000b', '07400 123456', '+44 7400 123456', 'HB-', 'zoë', 'ZOË', '\u202emorgan'),
);

const procedures: Array<{ procedure: string; as: Role; valid: () => Record<string, unknown>; text?: string }> = [
  { procedure: 'cases.search', as: 'adviser', valid: () => ({ query: 'Morgan' }), text: 'query' },
  { procedure: 'cases.list', as: 'adviser', valid: () => ({ scope: 'all', stage: 'enquiry', sort: 'recently_updated', page: 1 }) },
  { procedure: 'cases.previousContacts', as: 'adviser', valid: () => ({ phone: '07400 123456' }), text: 'phone' },
  { procedure: 'cases.previousContacts', as: 'adviser', valid: () => ({ email: 'pat@example.org' }), text: 'email' },
  { procedure: 'clinics.list', as: 'adviser', valid: () => ({ search: 'Oak' }), text: 'search' },
  { procedure: 'pipeline.board', as: 'team_lead', valid: () => ({ risk: 'high', minDaysInStage: 3 }) },
  { procedure: 'pipeline.metrics', as: 'team_lead', valid: () => ({ from: '2026-07-01', to: '2026-07-31' }) },
  { procedure: 'reports.placements', as: 'team_lead', valid: () => ({ filters: { from: '01/07/2026', to: '31/07/2026', region: 'north_west' }, page: 1 }) },
  { procedure: 'privacy.findSubject', as: 'manager', valid: () => ({ reference: 'HB-000001' }), text: 'reference' },
];

const request = fc.oneof(
  ...procedures.map(({ procedure, as, valid, text }) =>
    fc
      .oneof(nearlyValid(valid), ...(text ? [searchText.map((value) => ({ ...valid(), [text]: value }))] : []))
      .map((input) => ({ path: trpcQueryPath(procedure, input), as })),
  ),
  // The report download reads its filters from the query string.
  fc
    .dictionary(fc.constantFrom('from', 'to', 'periodBy', 'clinicId', 'region', 'adviserId', 'fundingRoute', 'substance', 'outcome'), fc.oneof(searchText, oddValue.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))), { maxKeys: 5 })
    .map((params) => ({ path: `/api/reports/placements.csv?${new URLSearchParams({ from: '01/07/2026', to: '31/07/2026', ...params }).toString()}`, as: 'manager' as const })),
);

describe('free text in staff reads', () => {
  it('never fails or leaks, and a read writes no case or request', async () => {
    const cookies = await signedInStaff();
    const before = await storedCounts(db());
    const statuses: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(request, async ({ path, as }) => {
        const { status } = await expectSafeAnswer(await send(app().url, { method: 'GET', path, headers: { cookie: cookies[as] } }), path);
        statuses[status] = (statuses[status] ?? 0) + 1;
        // Signed in with the right role: refused only for what was sent, never for who sent it
        // (431: Node refuses a URL of over 16 KB before Harbour sees it).
        expect([200, 400, 404, 431]).toContain(status);
      }),
      { numRuns: 800 },
    );
    const after = await storedCounts(db());
    expect({ ...after, audit: 0 }).toEqual({ ...before, audit: 0 });
    // Both answers were exercised: served reads and refused inputs.
    expect(Math.min(statuses[200] ?? 0, statuses[400] ?? 0), JSON.stringify(statuses)).toBeGreaterThan(50);
  }, 60_000);

  // Found by this property: PostgreSQL cannot compare text holding NUL, and both failed with a 500.
  it.each([
    ['cases.search', { query: 'Mor\u0000gan' }, { query: 'Search must not contain control characters' }],
    ['cases.previousContacts', { email: 'pat\u0000@example.org' }, { email: 'Email must not contain control characters' }],
  ])('%s refuses a NUL character at its field', async (procedure, input, fieldErrors) => {
    const cookies = await signedInStaff();

    const response = await send(app().url, { method: 'GET', path: trpcQueryPath(procedure, input), headers: { cookie: cookies.adviser } });

    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { json: { data: { fieldErrors: unknown } } } }).error.json.data.fieldErrors).toEqual(fieldErrors);
  });
});
