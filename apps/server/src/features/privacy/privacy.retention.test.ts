import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { submitCallback } from '../../test/callbacks';
import { addClinic } from '../../test/clinics';
import { callerFor, createUser } from '../../test/factories';
import { personInEveryTable, rowsHolding } from '../../test/privacy';
import { useTestDatabase } from '../../test/test-database';
import { retentionCutOff, runRetention } from './retention.service';

const db = useTestDatabase();

// A fixed clock: 1 December 2032. Six years back is 1 December 2026.
const NOW = new Date('2032-12-01T03:00:00Z');

async function closedCases() {
  const adviser = await createUser(db(), { role: 'adviser' });
  const manager = await createUser(db(), { role: 'manager' });
  const clinic = await addClinic(db(), manager);
  const facts = { adviserId: adviser.id, clinicId: clinic.id, admittedOn: '2026-10-02', dischargedOn: '2026-10-29' };
  // Closed a day before the cut-off, and a day after it.
  await personInEveryTable(db(), { ...facts, marker: 'Qzxjv', phoneDigits: '07700900123', reference: 'H-2026-90001', closedAt: new Date('2026-11-30T12:00:00Z') });
  await personInEveryTable(db(), { ...facts, marker: 'Wkvbq', phoneDigits: '07700900456', reference: 'H-2026-90002', closedAt: new Date('2026-12-02T12:00:00Z') });
  return { manager };
}

if (!process.env.TEST_DATABASE_URL) {
  console.info('privacy.retention.test.ts: the two-servers test is skipped: the embedded database has one process, so there is no second server to hold the lock (set TEST_DATABASE_URL to run it)');
}

describe('the retention job', () => {
  it('counts six years from the day a case closed', () => {
    expect(retentionCutOff(NOW, 6)).toEqual(new Date('2026-12-01T03:00:00Z'));
  });

  it('anonymises closed cases kept past the period, and nothing newer; a second run does nothing', async () => {
    const { manager } = await closedCases();
    // Still waiting for a call, from long ago: the queue is live work, never anonymised.
    await submitCallback(db(), { fullName: 'Alex Openrequest', phone: '07400 555666' }, { now: new Date('2026-01-05T10:00:00Z') });

    // The old case's two requests, and the newer person's request that never became a case
    // and was finished before the cut-off: a request stands on its own date.
    expect(await runRetention(db(), { now: NOW, years: 6 })).toEqual({ ran: true, closedBefore: new Date('2026-12-01T03:00:00Z'), casesAnonymised: 1, requestsAnonymised: 3 });

    expect(await rowsHolding(db(), 'cases', 'caller_name', ['Qzxjv'])).toBe(0);
    expect(await rowsHolding(db(), 'case_notes', 'body', ['Qzxjv'])).toBe(0);
    expect(await rowsHolding(db(), 'callback_requests', 'full_name', ['Qzxjv'])).toBe(0);
    expect(await rowsHolding(db(), 'cases', 'caller_name', ['Wkvbq'])).toBe(1);
    expect(await rowsHolding(db(), 'callback_requests', 'full_name', ['Wkvbq'])).toBe(1);
    expect(await rowsHolding(db(), 'callback_requests', 'full_name', ['Alex Openrequest'])).toBe(1);
    const erased = await db().selectFrom('cases').select(['erased_at', 'erased_by', 'stage', 'closure_reason']).where('reference', '=', 'H-2026-90001').executeTakeFirstOrThrow();
    expect(erased).toEqual({ erased_at: NOW, erased_by: null, stage: 'closed', closure_reason: 'completed' });

    const before = await db().selectFrom('cases').select(['id', 'version', 'updated_at']).orderBy('id').execute();
    expect(await runRetention(db(), { now: new Date(NOW.getTime() + 86_400_000), years: 6 })).toMatchObject({ ran: true, casesAnonymised: 0, requestsAnonymised: 0 });
    expect(await db().selectFrom('cases').select(['id', 'version', 'updated_at']).orderBy('id').execute()).toEqual(before);

    const runs = await db().selectFrom('audit_events').select(['actor_user_id', 'details']).where('action', '=', 'privacy.retention_run').orderBy('id').execute();
    expect(runs.map((run) => run.details)).toEqual([
      { closedBefore: '2026-12-01T03:00:00.000Z', years: 6, casesAnonymised: 1, requestsAnonymised: 3 },
      { closedBefore: '2026-12-02T03:00:00.000Z', years: 6, casesAnonymised: 0, requestsAnonymised: 0 },
    ]);
    expect(await db().selectFrom('audit_events').select('details').where('action', '=', 'privacy.erased').execute()).toEqual([
      { details: expect.objectContaining({ reason: 'retention_period_ended' }) },
    ]);
    expect(await callerFor(db(), manager).privacy.retentionStatus()).toEqual({
      lastRun: { ranAt: new Date(NOW.getTime() + 86_400_000), closedBefore: new Date('2026-12-02T03:00:00Z'), casesAnonymised: 0, requestsAnonymised: 0 },
    });
  });

  // PGlite is one process with one connection: there is no second server to race.
  it.runIf(process.env.TEST_DATABASE_URL)('runs on one server at a time: while another holds the lock, it stands aside and changes nothing', async () => {
    await closedCases();
    const second = await db().transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext('harbour.retention'))`.execute(trx);
      return runRetention(db(), { now: NOW, years: 6 });
    });
    expect(second).toEqual({ ran: false, why: 'another server is running it' });
    expect(await rowsHolding(db(), 'cases', 'caller_name', ['Qzxjv'])).toBe(1);
    expect(await db().selectFrom('retention_runs').select('id').execute()).toEqual([]);
  });
});
