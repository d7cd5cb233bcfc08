import { placementReportFiltersSchema } from '@harbour/shared/reports';
import { describe, expect, it } from 'vitest';
import { addClinic } from '../../test/clinics';
import { callerFor, createUser } from '../../test/factories';
import { personInEveryTable, rowsHolding, wordColumns, type WordColumn } from '../../test/privacy';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';
import { columnRules, type ColumnRule } from './privacy-columns';

const db = useTestDatabase();

const ERASED = { marker: 'Qzxjv', phoneDigits: '07700900123', reference: 'H-2026-90001' };
const KEPT = { marker: 'Wkvbq', phoneDigits: '07700900456', reference: 'H-2026-90002' };
const NOW = new Date('2026-11-20T10:00:00Z');
const october = placementReportFiltersSchema.parse({ from: '01/10/2026', to: '31/10/2026' });

const ruleOf = (column: WordColumn): ColumnRule | undefined =>
  (columnRules as Record<string, Record<string, ColumnRule> | undefined>)[column.table]?.[column.column];

async function twoPeople() {
  const adviser = await createUser(db(), { role: 'adviser', fullName: 'Amira Shah' });
  const manager = await createUser(db(), { role: 'manager', fullName: 'Morgan Reed' });
  const clinic = await addClinic(db(), manager);
  const facts = { adviserId: adviser.id, clinicId: clinic.id, closedAt: new Date('2026-10-30T12:00:00Z'), admittedOn: '2026-10-02', dischargedOn: '2026-10-29' };
  await personInEveryTable(db(), { ...ERASED, ...facts });
  await personInEveryTable(db(), { ...KEPT, ...facts });
  return { manager };
}

const needlesOf = (person: typeof ERASED) => [person.marker, person.phoneDigits.slice(1)];

describe('the column classification', () => {
  it('covers every column of every table that can hold words, so a new one must be classified before it ships', async () => {
    const unclassified = (await wordColumns(db())).filter((column) => ruleOf(column) === undefined).map((column) => `${column.table}.${column.column}`);
    expect(unclassified, 'Classify these in features/privacy/privacy-columns.ts: personal (erased) or kept, with why').toEqual([]);
  });

  it('names only columns that exist, so a renamed column cannot leave its old rule behind', async () => {
    const existing = new Set((await wordColumns(db())).map((column) => `${column.table}.${column.column}`));
    const named = Object.entries(columnRules).flatMap(([table, rules]) => Object.keys(rules).map((column) => `${table}.${column}`));
    const missing = named.filter((name) => !existing.has(name) && name !== 'cases.client_date_of_birth');
    expect(missing).toEqual([]);
  });
});

describe('erasing a person', () => {
  it('leaves none of their details in any personal column of any table, and touches nobody else', async () => {
    const { manager } = await twoPeople();
    const personal = (await wordColumns(db())).filter((column) => ruleOf(column)?.personal);

    // The fixture filled every personal column, for both people: otherwise the scan below proves nothing.
    const keptBefore: Record<string, number> = {};
    for (const column of personal) {
      const name = `${column.table}.${column.column}`;
      expect(await rowsHolding(db(), column.table, column.column, needlesOf(ERASED)), `${name} before erasure`).toBeGreaterThan(0);
      keptBefore[name] = await rowsHolding(db(), column.table, column.column, needlesOf(KEPT));
      expect(keptBefore[name], `${name} of the other person`).toBeGreaterThan(0);
    }

    const result = await callerFor(db(), manager, { now: NOW }).privacy.erase({
      reference: ERASED.reference,
      confirmReference: ERASED.reference.toLowerCase(),
      reason: 'person_asked',
    });
    expect(result).toEqual({ erasedCases: 1, erasedRequests: 2 });

    for (const column of personal) {
      const name = `${column.table}.${column.column}`;
      expect(await rowsHolding(db(), column.table, column.column, needlesOf(ERASED)), `${name} after erasure`).toBe(0);
      expect(await rowsHolding(db(), column.table, column.column, needlesOf(KEPT)), `${name} of the other person`).toBe(keptBefore[name]);
    }
    // Kept columns never held their words either (the audit trail included).
    for (const column of await wordColumns(db())) {
      expect(await rowsHolding(db(), column.table, column.column, needlesOf(ERASED)), `${column.table}.${column.column}`).toBe(0);
    }
    const erased = await db().selectFrom('cases').select(['client_date_of_birth', 'caller_name', 'phone_e164', 'erased_at', 'erased_by']).where('reference', '=', ERASED.reference).executeTakeFirstOrThrow();
    expect(erased).toEqual({ client_date_of_birth: null, caller_name: 'Erased', phone_e164: '', erased_at: NOW, erased_by: manager.id });
  });

  it('keeps the anonymous facts, so the reports count the same before and after', async () => {
    const { manager } = await twoPeople();
    const reports = callerFor(db(), manager, { now: NOW }).reports;
    const before = await reports.placements({ filters: october });
    const serviceBefore = await reports.service();

    await callerFor(db(), manager, { now: NOW }).privacy.erase({ reference: ERASED.reference, confirmReference: ERASED.reference, reason: 'person_asked' });

    const after = await reports.placements({ filters: october });
    expect(after.totals).toEqual(before.totals);
    expect(after.rows.map((row) => [row.reference, row.clinicName, row.feePence])).toEqual(before.rows.map((row) => [row.reference, row.clinicName, row.feePence]));
    expect(await reports.service()).toEqual(serviceBefore);
    const stageMove = await db().selectFrom('case_events').select('details').where('kind', '=', 'stage_moved').where('details', '@>', JSON.stringify({ to: 'assessment' }) as never).execute();
    expect(stageMove).toHaveLength(2);
  });

  it('keeps an audit entry naming the cases and the reason as codes, and refuses to erase twice', async () => {
    const { manager } = await twoPeople();
    const caller = callerFor(db(), manager, { now: NOW });
    await caller.privacy.erase({ reference: ERASED.reference, confirmReference: ERASED.reference, reason: 'no_longer_needed' });

    const [entry] = await db().selectFrom('audit_events').select(['actor_user_id', 'details']).where('action', '=', 'privacy.erased').execute();
    const { id: caseId } = await db().selectFrom('cases').select('id').where('reference', '=', ERASED.reference).executeTakeFirstOrThrow();
    expect(entry?.actor_user_id).toBe(manager.id);
    expect(entry?.details).toMatchObject({ reason: 'no_longer_needed', caseIds: [caseId] });

    const again = await rejectionOf(caller.privacy.erase({ reference: ERASED.reference, confirmReference: ERASED.reference, reason: 'person_asked' }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toBe('H-2026-90001 was already erased, on 20/11/2026');
  });

  it('asks for the reference typed exactly and a reason, naming the field', async () => {
    const { manager } = await twoPeople();
    const caller = callerFor(db(), manager, { now: NOW });
    const mistyped = await rejectionOf(caller.privacy.erase({ reference: ERASED.reference, confirmReference: 'H-2026-90009', reason: 'person_asked' }));
    expect(mistyped.fieldErrors).toEqual({ confirmReference: 'Type the case reference exactly to confirm' });
    const noReason = await rejectionOf(caller.privacy.erase({ reference: ERASED.reference, confirmReference: ERASED.reference, reason: '' as never }));
    expect(noReason.fieldErrors).toEqual({ reason: 'Choose the reason for erasing' });
    expect(await rowsHolding(db(), 'cases', 'caller_name', [ERASED.marker])).toBe(1);
  });
});
