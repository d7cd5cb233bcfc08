import { randomUUID } from 'node:crypto';
import { DATABASE_UNAVAILABLE_MESSAGE } from '@harbour/shared/outage';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeFeed } from '../realtime/changes';
import { callbackRequestInput } from '../test/callbacks';
import { silentLogger } from '../test/factories';
import { startApp, TEST_ORIGIN, type RunningApp } from '../test/http-server';
import { privatePostgresSkipReason, startPrivatePostgres, type PrivatePostgres } from '../test/private-postgres';
import { openPostgres, type DatabaseHandle } from './connect';
import { migrateToLatest } from './migrate';

const skipReason = privatePostgresSkipReason();
if (skipReason) console.warn(`Skipping the database outage test: ${skipReason}`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number, pollMs = 25): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await condition()) return Date.now() - started;
    await sleep(pollMs);
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

interface Attempt {
  status: number;
  message: string | null;
  ms: number;
}

/**
 * Behaves as the public form does in a browser: each request keeps its idempotency key and is
 * sent again, with backoff, until the server acknowledges it. Every visitor has an address of
 * their own, as on the internet, so the per-address limit is not what this test measures.
 */
class ResendingVisitors {
  readonly acknowledged = new Map<string, string>();
  readonly sent = new Set<string>();
  readonly failures: (Attempt & { at: number })[] = [];
  private readonly unacknowledged = new Set<string>();
  // Across runs too: every visitor has an address nobody used before.
  private static visitor = 0;
  private deliveries: Promise<void>[] = [];

  constructor(private readonly url: string) {}

  get backlog(): number {
    return this.unacknowledged.size;
  }

  submitNew(): void {
    ResendingVisitors.visitor += 1;
    const visitor = ResendingVisitors.visitor;
    const address = `10.1.${Math.floor(visitor / 250)}.${(visitor % 250) + 1}`;
    const input = callbackRequestInput({ idempotencyKey: randomUUID() });
    this.unacknowledged.add(input.idempotencyKey);
    this.sent.add(input.idempotencyKey);
    this.deliveries.push(this.deliver(input, address));
  }

  private async deliver(input: ReturnType<typeof callbackRequestInput>, address: string): Promise<void> {
    for (let delay = 200; ; delay = Math.min(delay * 2, 1_000)) {
      const started = Date.now();
      const response = await fetch(`${this.url}/trpc/callbacks.request`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: TEST_ORIGIN, 'x-forwarded-for': address },
        body: JSON.stringify(superjson.serialize(input)),
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await response.json()) as { result?: { data: { json: { reference: string } } }; error?: { json: { message: string } } };
      if (response.ok && body.result) {
        this.acknowledged.set(input.idempotencyKey, body.result.data.json.reference);
        this.unacknowledged.delete(input.idempotencyKey);
        return;
      }
      this.failures.push({ status: response.status, message: body.error?.json.message ?? null, ms: Date.now() - started, at: started });
      await sleep(delay);
    }
  }

  async settled(): Promise<void> {
    await Promise.all(this.deliveries);
  }
}

describe.skipIf(skipReason !== null)('PostgreSQL stopped while Harbour is in use', () => {
  let server: PrivatePostgres;
  let database: DatabaseHandle;
  let changes: ChangeFeed;
  let app: RunningApp;

  beforeAll(async () => {
    server = await startPrivatePostgres();
    database = openPostgres({ connectionString: server.url, logger: silentLogger, max: 4 });
    await migrateToLatest(database.db);
    changes = await ChangeFeed.start(database, silentLogger);
    app = await startApp(database.db, { health: database.health, changes });
  });

  afterAll(async () => {
    await app?.close();
    await changes?.stop();
    await database?.close();
    await server?.destroy();
  });

  // Fast ends sessions politely, as a planned restart does; immediate is closer to a crash. The
  // second run also shows a Harbour that has been through one outage copes with the next.
  it.each(['fast', 'immediate'] as const)('stopped %s: refuses plainly and at once, loses no acknowledged request, and recovers by itself', async (mode) => {
    const visitors = new ResendingVisitors(app.url);
    let isSubmitting = true;
    const submitting = (async () => {
      while (isSubmitting) {
        visitors.submitNew();
        await sleep(40);
      }
    })();
    const readiness = async () => (await fetch(`${app.url}/readyz`)).status;

    await waitFor(() => visitors.acknowledged.size >= 20, 10_000);
    expect(await readiness()).toBe(200);

    await server.stop(mode);
    const stoppedAt = Date.now();
    await waitFor(async () => (await readiness()) === 503, 5_000);
    expect(Date.now() - stoppedAt).toBeLessThan(1_000);

    // A signed-in screen (the session is looked up first) and a report download say the same.
    const staffStarted = Date.now();
    const staff = await fetch(`${app.url}/trpc/auth.me`, { headers: { cookie: 'harbour_session=some-session' } });
    expect(Date.now() - staffStarted).toBeLessThan(5_000);
    expect(staff.status).toBe(503);
    expect(JSON.stringify(await staff.json())).toContain(JSON.stringify(DATABASE_UNAVAILABLE_MESSAGE).slice(1, -1));
    const download = await fetch(`${app.url}/api/reports/placements.csv?from=2026-11-01&to=2026-11-28`, {
      headers: { cookie: 'harbour_session=some-session' },
    });
    expect(download.status).toBe(503);
    expect(await download.json()).toEqual({ error: DATABASE_UNAVAILABLE_MESSAGE });

    await sleep(2_000);
    const duringOutage = visitors.failures.filter((failure) => failure.at >= stoppedAt);
    expect(duringOutage.length).toBeGreaterThan(10);
    expect(visitors.backlog).toBeGreaterThan(10);

    await server.start();
    const restartedAt = Date.now();
    await waitFor(async () => (await readiness()) === 200, 10_000);
    expect(Date.now() - restartedAt).toBeLessThan(3_000);

    await sleep(500);
    isSubmitting = false;
    await submitting;
    await waitFor(() => visitors.backlog === 0, 20_000);
    await visitors.settled();

    // Every refusal was the plain 503, each well inside five seconds; nothing else went wrong.
    expect(visitors.failures.length).toBeGreaterThan(0);
    for (const failure of visitors.failures) {
      expect(failure).toMatchObject({ status: 503, message: DATABASE_UNAVAILABLE_MESSAGE });
      expect(failure.ms).toBeLessThan(5_000);
    }

    const stored = await database.db
      .selectFrom('callback_requests')
      .select(['idempotency_key', 'reference'])
      .where('idempotency_key', 'in', [...visitors.sent])
      .execute();
    const storedByKey = new Map(stored.map((row) => [row.idempotency_key, row.reference]));
    expect(stored.length).toBe(storedByKey.size);
    expect(storedByKey).toEqual(visitors.acknowledged);

    // The LISTEN connection came back too: open queue screens hear of new requests again.
    const heard = (async () => {
      for await (const event of changes.events('callbacks', AbortSignal.timeout(15_000))) return event;
      return null;
    })();
    let heardEvent: unknown = null;
    void heard.then((event) => (heardEvent = event));
    await waitFor(
      async () => {
        visitors.submitNew();
        await visitors.settled();
        return heardEvent !== null;
      },
      15_000,
      250,
    );
  });
});
