import { DATABASE_UNAVAILABLE_MESSAGE } from '@harbour/shared/outage';
import { placementReportFiltersSchema, reportQueryOf } from '@harbour/shared/reports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type DatabaseHandle } from '../../db/connect';
import { auditRows } from '../../test/callbacks';
import { callerFor, silentLogger, type TestUser } from '../../test/factories';
import { startApp, type RunningApp } from '../../test/http-server';
import { OCTOBER, octoberPlacements } from '../../test/report-setting';
import { useTestDatabase } from '../../test/test-database';
import { sessionCookieOverHttp } from '../../test/two-step';

// DATABASE_REPLICA_URL: reports read from a replica, everything else (sessions, the audit
// trail) stays on the primary. Here the "replica" is a second database holding different
// report data, so a figure read from the wrong one shows.

const primary = useTestDatabase();
const replica = useTestDatabase();
const october = placementReportFiltersSchema.parse(OCTOBER);
const REPLICA_CLINIC = 'Oak House (as the replica has it)';

// Nothing listens at port 1: the replica's pool is refused at once, as in an outage.
let unreachable: DatabaseHandle;
let withReplica: RunningApp;
let withReplicaDown: RunningApp;
beforeAll(async () => {
  unreachable = openPostgres({ connectionString: 'postgres://harbour:harbour@127.0.0.1:1/harbour', logger: silentLogger, max: 1 });
  withReplica = await startApp(primary(), { reportDb: replica() });
  withReplicaDown = await startApp(primary(), { reportDb: unreachable.db });
});
afterAll(async () => {
  await withReplica?.close();
  await withReplicaDown?.close();
  await unreachable?.close();
});

/** The same October on both, with Oak House renamed on the replica only. */
async function twoOctobers(): Promise<TestUser> {
  const { manager } = await octoberPlacements(primary());
  const copy = await octoberPlacements(replica());
  await replica().updateTable('clinics').set({ name: REPLICA_CLINIC }).where('id', '=', copy.oak.id).execute();
  return manager;
}

async function download(app: RunningApp, manager: TestUser, format: string) {
  const cookie = await sessionCookieOverHttp(primary(), app.url, manager);
  return fetch(`${app.url}/api/reports/placements.${format}?${reportQueryOf(october)}`, { headers: { cookie } });
}

describe('reports with a read replica', () => {
  it('read the report, the dashboards and the downloads from the replica, and write who read them to the primary', async () => {
    const manager = await twoOctobers();
    const caller = callerFor(primary(), manager, { reportDb: replica() });

    const report = await caller.reports.placements({ filters: october });
    expect(new Set(report.rows.map((row) => row.clinicName))).toEqual(new Set([REPLICA_CLINIC, 'Cedar Lodge']));
    const service = await caller.reports.service();
    expect(service.byClinic.map((group) => group.label)).toContain(REPLICA_CLINIC);

    const csv = await download(withReplica, manager, 'csv');
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain(REPLICA_CLINIC);
    expect(text).not.toMatch(/,Oak House,/);
    expect((await download(withReplica, manager, 'xlsx')).status).toBe(200);

    expect(await auditRows(primary(), 'reports.viewed')).toHaveLength(1);
    expect((await auditRows(primary(), 'reports.exported')).map((row) => (row.details as { format: string }).format)).toEqual(['csv', 'xlsx']);
    expect(await auditRows(replica(), 'reports.viewed')).toEqual([]);
    expect(await auditRows(replica(), 'reports.exported')).toEqual([]);
  });

  it('are refused with the outage message while the replica is out of reach, and the rest of Harbour carries on', async () => {
    const manager = await twoOctobers();

    const csv = await download(withReplicaDown, manager, 'csv');
    expect(csv.status).toBe(503);
    expect(await csv.json()).toEqual({ error: DATABASE_UNAVAILABLE_MESSAGE });
    expect(csv.headers.get('content-disposition')).toBeNull();
    expect((await download(withReplicaDown, manager, 'pdf')).status).toBe(503);

    const caller = callerFor(primary(), manager, { reportDb: unreachable.db });
    await expect(caller.reports.placements({ filters: october })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE });
    await expect(caller.reports.service()).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });

    // The primary still answers: the clinic directory, readiness, and nothing recorded as exported.
    expect((await caller.clinics.list({})).length).toBeGreaterThan(0);
    expect((await fetch(`${withReplicaDown.url}/readyz`)).status).toBe(200);
    expect(await auditRows(primary(), 'reports.exported')).toEqual([]);
  });
});
