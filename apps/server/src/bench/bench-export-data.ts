import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from '../db/migrate';
import { ensureBenchDatabase } from './bench-database';
import { loadBenchData } from './bench-load';

// The CSV export target is set at a million placements; pnpm bench:data makes 200,000 (four
// years of a national helpline). The export is measured on a database of its own, filled by
// bench:data and then given the cases' earlier placements: for each of bench:data's
// placements, up to four more of the same case, clinic, programme, prices and adviser, each
// about fifteen months before the last, ended (discharged, or cancelled where the original
// was) with the aftercare check-ins the original had. Same shapes, same joins, same
// check-in look-ups per row as the real ones; harbour_bench itself is never touched.

export const EXPORT_PLACEMENTS = 1_000_000;
const GENERATION_DAYS = 450;

/** harbour_bench → harbour_bench_export: the database the export is measured on. */
export function exportDatabaseUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!name.endsWith('_export')) url.pathname = `/${name}_export`;
  return url.toString();
}

async function count(client: pg.Client, query: string): Promise<number> {
  const { rows } = await client.query<{ count: string }>(query);
  return Number(rows[0]!.count);
}

async function hasBenchData(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, application_name: 'harbour-bench-export' });
  await client.connect();
  try {
    const { rows } = await client.query<{ ready: boolean }>(
      `select to_regclass('public.placements') is not null
          and exists (select 1 from users where email = 'bench-manager-001@harbour.test') as ready`,
    );
    return rows[0]?.ready ?? false;
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

/**
 * Makes sure the export database holds bench:data's data set and a million placements; does
 * nothing that is already done, so it is cheap to call before every run.
 */
export async function ensureExportData(url: string, log: (line: string) => void): Promise<{ placements: number }> {
  await ensureBenchDatabase(url);
  if (!(await hasBenchData(url))) {
    log('Export database is empty: filling it with bench:data (a few minutes)');
    await loadBenchData({ url, scale: 1, log, verbose: false });
  }
  await migrateWithoutTimeLimit(url, log);
  const client = new pg.Client({ connectionString: url, application_name: 'harbour-bench-export' });
  await client.connect();
  try {
    const present = await count(client, 'select count(*) from placements');
    if (present >= EXPORT_PLACEMENTS) return { placements: present };
    log(`Adding ${(EXPORT_PLACEMENTS - present).toLocaleString('en-GB')} earlier placements to reach ${EXPORT_PLACEMENTS.toLocaleString('en-GB')}`);
    await client.query('begin');
    await client.query('set local statement_timeout = 0');
    await addEarlierPlacements(client, EXPORT_PLACEMENTS - present);
    await client.query('commit');
    await client.query('analyze placements');
    await client.query('analyze aftercare_check_ins');
    return { placements: await count(client, 'select count(*) from placements') };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Brings the database to this build's schema before Harbour starts on it: a migration that
 * fills a column over a million rows can take longer than the server's 10 s statement limit.
 */
async function migrateWithoutTimeLimit(url: string, log: (line: string) => void): Promise<void> {
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1, application_name: 'harbour-bench-export' }) }) });
  try {
    const applied = await migrateToLatest(db);
    if (applied.length) log(`Export database migrated: ${applied.join(', ')}`);
  } finally {
    await db.destroy();
  }
}

// The placements there are, numbered in a fixed order, so the n-th added placement is always
// the same one; all of it in one transaction, so a run cut short adds nothing.
async function addEarlierPlacements(client: pg.Client, wanted: number): Promise<void> {
  await client.query(
    `create temporary table earlier on commit drop as
     with originals as (
       select p.*, row_number() over (order by p.proposed_at, p.id) - 1 as position
       from placements p
     ), wanted as (
       select k, k % total as position, 1 + k / total as generation
       from generate_series(0, $1::int - 1) k, (select count(*) as total from placements) counted
     ), numbered as (
       select o.*, wanted.k, wanted.generation
       from wanted
       join originals o using (position)
     )
     select
       md5(id::text || ':' || generation)::uuid as new_id, id as original_id, k, (generation * ${GENERATION_DAYS})::int as shift_days,
       case when status = 'cancelled' then 'cancelled' else 'discharged' end as new_status,
       case_id, clinic_id, programme, length_days, weekly_price_pence, fee_terms, fee_pence, proposed_by, proposed_at,
       confirmed_by, confirmed_at, admitted_on, admitted_by, discharged_on, discharge_outcome, discharged_by,
       cancelled_at, cancelled_by, cancel_reason, updated_at
     from numbered`,
    [wanted],
  );
  await client.query(
    `insert into placements (id, case_id, clinic_id, status, programme, length_days, weekly_price_pence, fee_terms, fee_pence,
       proposed_by, proposed_at, confirmed_by, confirmed_at, admitted_on, admitted_by, discharged_on, discharge_outcome, discharged_by,
       cancelled_at, cancelled_by, cancel_reason, updated_at)
     select
       new_id, case_id, clinic_id, new_status, programme, length_days, weekly_price_pence, fee_terms,
       case when new_status = 'cancelled' then fee_pence else coalesce(fee_pence, round(weekly_price_pence * length_days / 7.0)::int) end,
       proposed_by, proposed_at - make_interval(days => shift_days),
       case when new_status = 'discharged' then coalesce(confirmed_by, proposed_by) else confirmed_by end,
       case when new_status = 'discharged' then coalesce(confirmed_at, proposed_at + interval '3 days') - make_interval(days => shift_days) else confirmed_at - make_interval(days => shift_days) end,
       case when new_status = 'discharged' then coalesce(admitted_on, (proposed_at + interval '7 days')::date) - shift_days::int end,
       case when new_status = 'discharged' then coalesce(admitted_by, proposed_by) end,
       case when new_status = 'discharged' then coalesce(discharged_on, coalesce(admitted_on, (proposed_at + interval '7 days')::date) + length_days) - shift_days::int end,
       case when new_status = 'discharged' then coalesce(discharge_outcome, (array['completed', 'completed', 'left_early', 'discharged_by_clinic', 'transferred'])[1 + k % 5]) end,
       case when new_status = 'discharged' then coalesce(discharged_by, proposed_by) end,
       cancelled_at - make_interval(days => shift_days), cancelled_by, cancel_reason,
       updated_at - make_interval(days => shift_days)
     from earlier`,
  );
  await client.query(
    `insert into aftercare_check_ins (placement_id, case_id, days_after, due_on, outcome, notes, recorded_by, recorded_at)
     select e.new_id, ci.case_id, ci.days_after, ci.due_on - e.shift_days::int, ci.outcome, ci.notes, ci.recorded_by,
            ci.recorded_at - make_interval(days => e.shift_days)
     from earlier e
     join aftercare_check_ins ci on ci.placement_id = e.original_id
     where e.new_status = 'discharged'`,
  );
}
