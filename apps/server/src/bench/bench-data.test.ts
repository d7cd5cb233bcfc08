import { randomBytes } from 'node:crypto';
import { assessmentSchema, assessmentSummaryOf } from '@harbour/shared/assessment';
import { phoneSchema } from '@harbour/shared/callbacks';
import { feeTermsSchema } from '@harbour/shared/clinics';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type DatabaseHandle } from '../db/connect';
import type { Database } from '../db/database';
import { inboundCall } from '../test/cases';
import { callerFor, silentLogger } from '../test/factories';
import { openTestDatabase } from '../test/test-database';
import { assessmentColumns } from '../features/cases/case-changes.service';
import { assessmentPool, pooledAssessmentJson } from './bench-assessments';
import { LIVE_QUEUE, placementCount } from './bench-cases';
import { benchDatabaseName, ensureBenchDatabase, searchPathFor, wipeAndMigrate } from './bench-database';
import { FULL_SCALE_CASES, loadBenchData, type BenchLoadResult } from './bench-load';
import { benchStaffEmail, CLINIC_COUNT, STAFF_TOTAL } from './bench-staff-clinics';

// bench:data at a two-thousandth of full size, into a schema of its own in the test database
// (the loader wipes whatever it fills; CI's role may not create databases). COPY needs a real
// PostgreSQL: PGlite cannot stand in.
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
if (!TEST_DATABASE_URL) {
  console.info('bench-data.test.ts skipped: TEST_DATABASE_URL is not set, and bench:data loads PostgreSQL with COPY, which the embedded database cannot take');
}

const SCALE = 0.002;
const CASES = Math.round(FULL_SCALE_CASES * SCALE);

describe.skipIf(!TEST_DATABASE_URL)('pnpm bench:data', () => {
  const schema = `bench_test_${randomBytes(4).toString('hex')}`;
  let result: BenchLoadResult;
  let handle: DatabaseHandle | undefined;
  let db: Kysely<Database>;

  beforeAll(async () => {
    result = await loadBenchData({ url: TEST_DATABASE_URL!, schema, scale: SCALE, log: () => undefined });
    handle = openPostgres({ connectionString: TEST_DATABASE_URL!, logger: silentLogger, max: 2, searchPath: searchPathFor(schema) });
    db = handle.db;
  }, 60_000);

  afterAll(async () => {
    await handle?.close();
    await withClient(TEST_DATABASE_URL!, (client) => client.query(`drop schema if exists ${schema} cascade`));
  });

  it('creates a missing benchmark database when the role may, and otherwise says who must', async () => {
    const url = new URL(TEST_DATABASE_URL!);
    url.pathname = `/harbour_bench_probe_${randomBytes(4).toString('hex')}`;
    const { rows } = await withClient(TEST_DATABASE_URL!, (client) => client.query<{ may: boolean }>('select rolcreatedb or rolsuper as may from pg_roles where rolname = current_user'));
    if (!rows[0]!.may) {
      await expect(ensureBenchDatabase(url.toString())).rejects.toThrow(/may not create databases: ask an administrator/);
      return;
    }
    try {
      expect(await ensureBenchDatabase(url.toString())).toBe('created');
      expect(await ensureBenchDatabase(url.toString())).toBe('exists');
    } finally {
      await withClient(TEST_DATABASE_URL!, (client) => client.query(`drop database if exists "${benchDatabaseName(url.toString())}"`));
    }
  });

  it('refuses to wipe a database or schema whose name does not say "bench"', async () => {
    expect(() => benchDatabaseName('postgres://harbour:harbour@127.0.0.1:5432/harbour')).toThrow(/must contain "bench"/);
    expect(benchDatabaseName('postgres://harbour:harbour@127.0.0.1:5432/harbour_bench')).toBe('harbour_bench');
    await expect(wipeAndMigrate(TEST_DATABASE_URL!, 'public')).rejects.toThrow(/must be lower case and contain "bench"/);
  });

  it('loads the rows asked for, and reports them', async () => {
    const count = async (table: 'cases' | 'callback_requests' | 'callback_attempts' | 'placements' | 'users' | 'clinics') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    expect(await count('cases')).toBe(CASES);
    expect(await count('callback_requests')).toBe(CASES + LIVE_QUEUE);
    expect(await count('callback_attempts')).toBeGreaterThanOrEqual(3 * CASES);
    expect(await count('placements')).toBe(placementCount(CASES));
    expect(await count('users')).toBe(STAFF_TOTAL);
    expect(await count('clinics')).toBe(CLINIC_COUNT);
    expect(result.rows).toMatchObject({ cases: CASES, placements: placementCount(CASES) });
    expect(result.phases.map((phase) => phase.name)).toContain('keys and indexes, then foreign keys');
  });

  it('leaves every key, index and constraint as a freshly migrated database has them', async () => {
    const fresh = await openTestDatabase();
    try {
      const loaded = await structureOf(db);
      expect(loaded.length).toBeGreaterThan(100);
      expect(loaded).toEqual(await structureOf(fresh.db));
    } finally {
      await fresh.close();
    }
  });

  it('serves a case by reference and finds it by name with a typo, by phone and by email', async () => {
    const adviser = await db
      .selectFrom('users')
      .select(['id', 'email', 'full_name as fullName', 'role'])
      .where('email', '=', benchStaffEmail('adviser', 1))
      .executeTakeFirstOrThrow();
    const target = await db
      .selectFrom('cases')
      .select(['id', 'reference', 'client_name', 'phone_e164', 'email'])
      .where('email', 'is not', null)
      .where('stage', '=', 'placement')
      .orderBy('reference')
      .executeTakeFirstOrThrow();
    const cases = callerFor(db, adviser).cases;

    const viewed = await cases.byReference({ reference: target.reference.toLowerCase() });
    expect(viewed).toMatchObject({ id: target.id, reference: target.reference, stage: 'placement' });

    const [first, surname] = target.client_name!.split(' ') as [string, string];
    const typo = `${first} ${surname.slice(0, -2)}${surname.at(-1)}${surname.at(-2)}`;
    expect((await cases.search({ query: typo })).map((row) => row.clientName)).toContain(target.client_name);
    expect((await cases.search({ query: `0${target.phone_e164.slice(3)}` })).map((row) => row.id)).toEqual([target.id]);
    expect((await cases.search({ query: target.email!.toUpperCase() })).map((row) => row.id)).toEqual([target.id]);
  });

  it('fills the name search’s words and lexicon as the triggers would, and leaves the triggers on for the cases opened next', async () => {
    const { rows } = await sql<{ words: number; expected: number; lexicon: number; uses: number; distinct: number; enabled: string }>`
      select (select count(*) from case_name_words)::int as words,
             (select sum(cardinality(search_words)) from cases)::int as expected,
             (select count(*) from case_name_lexicon)::int as lexicon,
             (select sum(cases) from case_name_lexicon)::int as uses,
             (select count(distinct word) from case_name_words)::int as distinct,
             (select tgenabled from pg_trigger where tgname = 'cases_name_words_on_insert' and tgrelid = 'cases'::regclass) as enabled
    `.execute(db);
    expect(rows[0]!.words).toBeGreaterThan(2 * CASES);
    expect(rows[0]).toEqual({ words: rows[0]!.expected, expected: rows[0]!.expected, lexicon: rows[0]!.distinct, uses: rows[0]!.expected, distinct: rows[0]!.distinct, enabled: 'O' });
  });

  it('gives every person a different UK mobile number the app’s phone check accepts', async () => {
    const phones = await db.selectFrom('callback_requests').select('phone_e164').execute();
    expect(new Set(phones.map((row) => row.phone_e164)).size).toBe(CASES + LIVE_QUEUE);
    for (const { phone_e164: phone } of phones) expect(phoneSchema.parse(`0${phone.slice(3)}`)).toBe(phone);
  });

  it('gives the next case opened the reference after the last one loaded', async () => {
    const lead = await db.selectFrom('users').select(['id', 'email', 'full_name as fullName', 'role']).where('email', '=', benchStaffEmail('team_lead', 1)).executeTakeFirstOrThrow();

    const opened = await callerFor(db, lead).cases.openFromInboundCall(inboundCall({ phone: '07400 123456' }));

    expect(opened.reference).toMatch(new RegExp(`^H-\\d{4}-${String(CASES + 1).padStart(5, '0')}$`));
  });

  it('stores assessments the app’s schema accepts, with the figures the app would work out', async () => {
    for (const entry of assessmentPool().slice(0, 20)) {
      expect(assessmentSchema.safeParse({ id: '00000000-0000-4000-8000-000000000000', version: 1, ...JSON.parse(pooledAssessmentJson(entry)) }).success).toBe(true);
    }
    const stored = await db
      .selectFrom('cases')
      .select(['assessment', 'primary_substance', 'criteria_met', 'severity', 'audit_score', 'risk_level', 'is_dual_diagnosis', 'assessment_complete'])
      .where('assessment', 'is not', null)
      .limit(25)
      .execute();
    expect(stored.length).toBe(25);
    for (const row of stored) {
      // What a save of this assessment would write, but the JSON text and the substances it merges.
      const { assessment: _json, substances: _substances, ...figures } = assessmentColumns(row.assessment!, assessmentSummaryOf(row.assessment!), []);
      expect(row).toMatchObject(figures);
    }
  });

  it('keeps stages, placements and clinics consistent with each other', async () => {
    const clinics = await db.selectFrom('clinics').select(['region', 'regulator', 'fee_terms']).execute();
    expect(clinics.every((clinic) => (clinic.region === 'wales') === (clinic.regulator === 'hiw'))).toBe(true);
    expect(clinics.every((clinic) => feeTermsSchema.safeParse(clinic.fee_terms).success)).toBe(true);

    const { rows } = await sql<{ problem: string; n: number }>`
      select 'placement stage without a confirmed or admitted placement' as problem, count(*)::int as n from cases c
        where c.stage = 'placement' and not exists (select 1 from placements p where p.case_id = c.id and p.status in ('confirmed', 'admitted'))
      union all
      select 'aftercare without a discharge', count(*)::int from cases c
        where c.stage = 'aftercare' and not exists (select 1 from placements p where p.case_id = c.id and p.status = 'discharged')
      union all
      select 'closed with a placement still on the go', count(*)::int from cases c
        where c.stage = 'closed' and exists (select 1 from placements p where p.case_id = c.id and p.status in ('proposed', 'confirmed', 'admitted'))
      union all
      select 'a request whose calls do not add up', count(*)::int from callback_requests r
        where r.attempt_count <> (select count(*) from callback_attempts a where a.callback_id = r.id)
      union all
      select 'closed as completed before the last check-in', count(*)::int from cases c
        where c.closure_reason = 'completed' and not exists (select 1 from aftercare_check_ins k where k.case_id = c.id and k.days_after = 365 and k.outcome is not null)
    `.execute(db);
    expect(rows.filter((row) => row.n > 0)).toEqual([]);
    const open = await db.selectFrom('callback_requests').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'open').where('case_id', 'is', null).executeTakeFirstOrThrow();
    expect(Number(open.n)).toBe(LIVE_QUEUE);
  });
});

/** Every constraint and index in the schema on the path, by table, in a form two schemas can compare. */
async function structureOf(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ line: string; schema: string }>`
    select rel.relname || ' constraint ' || con.conname || ' ' || pg_get_constraintdef(con.oid) || ' valid=' || con.convalidated as line, current_schema() as schema
      from pg_constraint con join pg_class rel on rel.oid = con.conrelid
     where rel.relnamespace = current_schema()::regnamespace
    union all
    select rel.relname || ' index ' || idx.relname || ' ' || pg_get_indexdef(i.indexrelid), current_schema()
      from pg_index i join pg_class rel on rel.oid = i.indrelid join pg_class idx on idx.oid = i.indexrelid
     where rel.relnamespace = current_schema()::regnamespace
  `.execute(db);
  // Definitions name the schema; a test schema and the bench database's public differ only there.
  return rows.map((row) => row.line.replaceAll(`${row.schema}.`, 'SCHEMA.')).sort();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
