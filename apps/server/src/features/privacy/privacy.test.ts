import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { TUESDAY_10AM } from '../../test/callbacks';
import { openCase } from '../../test/cases';
import { callerFor, createUser, type TestUser } from '../../test/factories';
import { useRunningApp } from '../../test/http-server';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';
import { startSession } from '../sessions/sessions.service';

const db = useTestDatabase();
const app = useRunningApp(db);

async function staff() {
  const adviser = await createUser(db(), { role: 'adviser', fullName: 'Amira Shah' });
  const lead = await createUser(db(), { role: 'team_lead', fullName: 'Jo Lead' });
  const manager = await createUser(db(), { role: 'manager', fullName: 'Morgan Reed' });
  return { adviser, lead, manager };
}

/** Pat rang twice from the same number (two cases); Robin is someone else. */
async function patAndRobin(adviser: TestUser) {
  const first = await openCase(db(), adviser, { callerName: 'Pat Morgan', clientName: 'Chris Morgan', phone: '07400 111222', notes: 'Chris drinks every day' });
  const second = await openCase(db(), adviser, { callerName: 'Pat Morgan', clientName: 'Chris Morgan', phone: '07400 111222', email: 'pat@example.org' });
  const robin = await openCase(db(), adviser, { callerName: 'Robin Hale', clientName: undefined, forWhom: 'self', phone: '07400 999888' });
  return { first, second, robin };
}

/**
 * A session cookie, made directly so the test does not depend on how sign-in goes. Managers
 * need two-step sign-in set up before a session counts outside tRPC (features/mfa); where that
 * table exists, the manager is marked as having set it up.
 */
async function cookieFor(user: TestUser): Promise<string> {
  const { rows } = await sql<{ exists: boolean }>`select to_regclass('two_step_secrets') is not null as exists`.execute(db());
  if (user.role === 'manager' && rows[0]?.exists) {
    await sql`insert into two_step_secrets (user_id, secret_sealed, enabled_at) values (${user.id}, 'sealed', now()) on conflict do nothing`.execute(db());
  }
  const { token } = await startSession(db(), user.id);
  return `harbour_session=${token}`;
}

describe('finding the person', () => {
  it('shows the case and the other cases with the same phone or email, and records who looked', async () => {
    const { adviser, manager } = await staff();
    const { first, second } = await patAndRobin(adviser);
    const found = await callerFor(db(), manager).privacy.findSubject({ reference: first.reference.toLowerCase() });

    expect(found.subject).toMatchObject({ reference: first.reference, callerName: 'Pat Morgan', clientName: 'Chris Morgan', erasedAt: null });
    expect(found.otherCases.map((other) => other.reference)).toEqual([second.reference]);
    const [entry] = await db().selectFrom('audit_events').select(['actor_user_id', 'details']).where('action', '=', 'privacy.subject_looked_up').execute();
    expect(entry).toEqual({ actor_user_id: manager.id, details: { ids: [first.id, second.id] } });
  });

  it('is for managers only: advisers and team leads are refused', async () => {
    const { adviser, lead } = await staff();
    const { first } = await patAndRobin(adviser);
    for (const user of [adviser, lead]) {
      for (const call of [
        callerFor(db(), user).privacy.findSubject({ reference: first.reference }),
        callerFor(db(), user).privacy.subjectAccess({ reference: first.reference }),
        callerFor(db(), user).privacy.erase({ reference: first.reference, confirmReference: first.reference, reason: 'person_asked' }),
        callerFor(db(), user).privacy.withdrawContactConsent({ reference: first.reference, withdrawnOn: '01/11/2026', via: 'phone' }),
        callerFor(db(), user).privacy.retentionStatus(),
      ]) {
        expect((await rejectionOf(call)).code).toBe('FORBIDDEN');
      }
    }
    expect(await db().selectFrom('cases').select('caller_name').where('id', '=', first.id).executeTakeFirstOrThrow()).toEqual({ caller_name: 'Pat Morgan' });
  });
});

describe('a subject-access answer', () => {
  it('holds each chosen case with its notes and history, and who looked, audited with the cases it covers', async () => {
    const { adviser, manager } = await staff();
    const { first, second, robin } = await patAndRobin(adviser);
    await callerFor(db(), adviser).cases.byReference({ reference: first.reference });

    const report = await callerFor(db(), manager, { now: TUESDAY_10AM }).privacy.subjectAccess({ reference: first.reference, alsoInclude: [second.reference] });

    expect(report.references).toEqual([first.reference, second.reference]);
    expect(report.cases[0]).toMatchObject({ callerName: 'Pat Morgan', clientName: 'Chris Morgan', phone: '+447400111222' });
    expect(report.cases[0]?.notes.map((note) => note.body)).toEqual(['Chris drinks every day']);
    expect(report.cases[1]).toMatchObject({ email: 'pat@example.org' });
    expect(report.access.filter((entry) => entry.action === 'cases.viewed')).toEqual([
      expect.objectContaining({ byName: 'Amira Shah', record: first.reference }),
    ]);
    expect(JSON.stringify(report)).not.toContain('Robin');

    const [entry] = await db().selectFrom('audit_events').select(['actor_user_id', 'details']).where('action', '=', 'privacy.subject_access').execute();
    expect(entry?.actor_user_id).toBe(manager.id);
    expect(entry?.details).toMatchObject({ view: 'page', caseIds: [first.id, second.id], references: [first.reference, second.reference] });
    expect(JSON.stringify(entry?.details)).not.toContain(robin.id);
  });

  it('refuses a case that is not the same person, naming the field, and records nothing', async () => {
    const { adviser, manager } = await staff();
    const { first, robin } = await patAndRobin(adviser);
    const refused = await rejectionOf(callerFor(db(), manager).privacy.subjectAccess({ reference: first.reference, alsoInclude: [robin.reference] }));
    expect(refused.fieldErrors).toEqual({ alsoInclude: `${robin.reference} does not share a phone number or email with ${first.reference}` });
    expect(await db().selectFrom('audit_events').select('id').where('action', '=', 'privacy.subject_access').execute()).toEqual([]);
  });

  it('downloads as a JSON file for a manager, and refuses others as the report downloads do', async () => {
    const { adviser, lead, manager } = await staff();
    const { first, second } = await patAndRobin(adviser);
    const url = `${app().url}/api/privacy/subject-access/${first.reference}.json?also=${second.reference}`;

    expect((await fetch(url)).status).toBe(401);
    for (const user of [adviser, lead]) {
      const refused = await fetch(url, { headers: { cookie: await cookieFor(user) } });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({ error: 'Only managers can answer subject-access requests.' });
    }

    const response = await fetch(url, { headers: { cookie: await cookieFor(manager) } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="harbour-subject-access-${first.reference}.json"`);
    const body = (await response.json()) as { references: string[]; cases: Array<{ callerName: string }> };
    expect(body.references).toEqual([first.reference, second.reference]);
    expect(body.cases[0]?.callerName).toBe('Pat Morgan');
    const entries = await db().selectFrom('audit_events').select('details').where('action', '=', 'privacy.subject_access').execute();
    expect(entries.map((entry) => entry.details.view)).toEqual(['json']);

    const missing = await fetch(`${app().url}/api/privacy/subject-access/H-2026-99999.json`, { headers: { cookie: await cookieFor(manager) } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'There is no case H-2026-99999' });
  });
});

describe('an erased case', () => {
  it('reads "Erased" on its page, in the list, search and board, and the name is gone', async () => {
    const { adviser, manager } = await staff();
    const { first, second } = await patAndRobin(adviser);
    await callerFor(db(), manager).privacy.erase({ reference: first.reference, alsoInclude: [second.reference], confirmReference: first.reference, reason: 'person_asked' });

    const page = await callerFor(db(), adviser).cases.byReference({ reference: first.reference });
    expect(page).toMatchObject({ callerName: 'Erased', clientName: null, phone: '', email: null, notes: [{ body: 'Erased' }] });
    expect(page.erasedAt).toBeInstanceOf(Date);
    expect(await callerFor(db(), adviser).cases.search({ query: 'Pat Morgan' })).toEqual([]);
    const list = await callerFor(db(), adviser).cases.list({ scope: 'all' });
    expect(JSON.stringify(list)).not.toContain('Pat Morgan');
    expect(JSON.stringify(list)).toContain('Erased');
    // Nothing new can be written on it: it would hold someone's details past their erasure.
    const refusal = 'This case was erased: nothing more can be recorded on it. If the person gets in touch again, open a new enquiry.';
    expect(page.canChange).toBe(false);
    expect((await rejectionOf(callerFor(db(), adviser).cases.addNote({ id: first.id, body: 'Pat rang again' }))).message).toBe(refusal);
    const edit = callerFor(db(), manager).cases.updateContact({ id: first.id, version: page.contactVersion, contact: { callerName: 'Pat Morgan', callerRelation: 'loved_one', phone: '07400 111222' } });
    expect((await rejectionOf(edit)).message).toBe(refusal);
    const board = await callerFor(db(), manager).pipeline.board({});
    expect(JSON.stringify(board)).toContain(first.reference);
    expect(JSON.stringify(board)).not.toContain('Pat Morgan');
    const shift = await callerFor(db(), manager).reports.shift();
    expect(JSON.stringify(shift)).not.toContain('Pat Morgan');
    const found = await callerFor(db(), manager).privacy.findSubject({ reference: second.reference });
    expect(found).toMatchObject({ subject: { callerName: 'Erased' }, otherCases: [] });
  });
});
