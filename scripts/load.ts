// `pnpm load`: 100 simulated staff use Harbour at once against PostgreSQL for 60 seconds, then
// the latency of each kind of request is printed. Exits non-zero on any error.
//
//   pnpm load                       60 s, 100 staff
//   pnpm load --duration 10         a short run
//   pnpm load --staff 50            fewer people
//
// The database: DATABASE_URL, else TEST_DATABASE_URL, else the local development server
// (postgres://harbour:harbour@127.0.0.1:5432/harbour_test). The run works in a schema of its
// own (harbour_load_…), created at the start and dropped at the end, so it never touches the
// data already there; the role needs CREATE on that database.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
// Only Node and Harbour's own modules: kysely, pg and pino resolve from apps/server, not from here.
import { freePort } from '../apps/server/src/bench/bench-processes';
import { openPostgres } from '../apps/server/src/db/connect';
import { createStaffInBulk, DEFAULT_PASSWORD, silentLogger as silent } from '../apps/server/src/test/factories';

const { values: options } = parseArgs({
  options: { duration: { type: 'string', default: '60' }, staff: { type: 'string', default: '100' } },
});
const DURATION_S = Number(options.duration);
const STAFF = Number(options.staff);
if (!(DURATION_S > 0 && DURATION_S <= 600) || !(STAFF >= 2 && STAFF <= 500)) {
  console.error('Usage: pnpm load [--duration seconds (1-600)] [--staff count (2-500)]');
  process.exit(2);
}
// Each person works, then pauses as someone on the phone would, 1-3 s between actions.
const THINK_MS = [1_000, 3_000] as const;
const REQUEST_TIMEOUT_MS = 15_000;

const baseDatabaseUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://harbour:harbour@127.0.0.1:5432/harbour_test';
const schema = `harbour_load_${randomBytes(4).toString('hex')}`;
const schemaUrl = (() => {
  const url = new URL(baseDatabaseUrl);
  url.searchParams.set('options', `-c search_path=${schema},public`);
  return url.toString();
})();

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const between = (low: number, high: number) => low + Math.random() * (high - low);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- talking to Harbour as the browser does: tRPC over HTTP, one cookie per person ----

class RequestError extends Error {}

interface Caller {
  cookie: string | null;
  /** A different address for each member of the public, as on the internet. */
  forwardedFor?: string;
}

let origin = '';

async function call<T>(who: Caller, kind: 'query' | 'mutation', procedure: string, input?: unknown): Promise<T> {
  const headers: Record<string, string> = { origin, 'content-type': 'application/json' };
  if (who.cookie) headers.cookie = who.cookie;
  if (who.forwardedFor) headers['x-forwarded-for'] = who.forwardedFor;
  // Plain JSON inputs need no superjson metadata: { json: value } is the whole envelope.
  const envelope = JSON.stringify({ json: input ?? null });
  const url =
    kind === 'query'
      ? `${origin}/trpc/${procedure}${input === undefined ? '' : `?input=${encodeURIComponent(envelope)}`}`
      : `${origin}/trpc/${procedure}`;
  const response = await fetch(url, {
    method: kind === 'query' ? 'GET' : 'POST',
    headers,
    ...(kind === 'mutation' ? { body: envelope } : {}),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = (await response.json()) as { result?: { data: { json: T } }; error?: { json: { message: string; data?: { code?: string } } } };
  if (!response.ok || !body.result) {
    throw new RequestError(`${procedure}: ${response.status} ${body.error?.json.data?.code ?? ''} ${body.error?.json.message ?? ''}`.trim());
  }
  const setCookie = response.headers.getSetCookie().find((cookie) => cookie.includes('harbour_session='));
  if (setCookie) who.cookie = setCookie.split(';')[0]!;
  return body.result.data.json;
}

// ---- what the staff do ----

interface Person extends Caller {
  id: string;
  email: string;
  /** Cases this person opened, so their saves and notes go to cases they may change. */
  cases: { id: string; reference: string }[];
}

let visitor = 0;
const publicCaller = (): Caller => {
  visitor += 1;
  return { cookie: null, forwardedFor: `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}` };
};

const names = ['Morgan', 'Taylor', 'Patel', 'Okafor', 'Jones', 'Evans', 'Hughes', 'Khan', 'Walsh', 'Reid'];
const firstNames = ['Sam', 'Alex', 'Chris', 'Jo', 'Pat', 'Jamie', 'Robin', 'Kim'];

function callbackRequest() {
  return {
    fullName: `${pick(firstNames)} ${pick(names)}`,
    phone: `07400 ${String(Math.floor(between(100000, 999999)))}`,
    forWhom: pick(['self', 'loved_one'] as const),
    bestTime: { kind: 'asap' },
    substances: [pick(['alcohol', 'cocaine', 'heroin', 'cannabis'] as const)],
    immediateDanger: false,
    consentToContact: true,
    consentToHealthData: true,
    idempotencyKey: randomUUID(),
  };
}

async function openCaseFor(person: Person): Promise<void> {
  const client = `${pick(firstNames)} ${pick(names)}`;
  const opened = await call<{ reference: string }>(person, 'mutation', 'cases.openFromInboundCall', {
    callerName: client,
    phone: `07400 ${String(Math.floor(between(100000, 999999)))}`,
    forWhom: 'self',
    substances: [pick(['alcohol', 'cocaine', 'heroin'] as const)],
    immediateDanger: false,
    consentToContact: true,
    consentToHealthData: true,
  });
  const record = await call<{ id: string }>(person, 'query', 'cases.byReference', { reference: opened.reference });
  person.cases.push({ id: record.id, reference: opened.reference });
}

type Action = (person: Person) => Promise<unknown>;

const actions: Record<string, { weight: number; run: Action }> = {
  'queue': { weight: 18, run: (p) => call(p, 'query', 'callbacks.queue') },
  'my work': { weight: 14, run: (p) => call(p, 'query', 'worklist.mine') },
  'case list': {
    weight: 12,
    run: (p) =>
      call(p, 'query', 'cases.list', {
        scope: pick(['mine', 'all'] as const),
        ...(Math.random() < 0.5 ? { stage: pick(['enquiry', 'assessment', 'placement'] as const) } : {}),
        ...(Math.random() < 0.3 ? { risk: pick(['low', 'medium', 'high'] as const) } : {}),
        sort: pick(['recently_updated', 'longest_in_stage', 'highest_risk', 'next_action_due', 'newest'] as const),
      }),
  },
  'search': { weight: 10, run: (p) => call(p, 'query', 'cases.search', { query: pick(names).slice(0, 4) }) },
  'open a case': {
    weight: 12,
    run: async (p) => {
      const kase = pick(p.cases);
      const record = await call<{ id: string }>(p, 'query', 'cases.byReference', { reference: kase.reference });
      return call(p, 'query', 'cases.timeline', { id: record.id });
    },
  },
  'add a note': {
    weight: 8,
    run: (p) => call(p, 'mutation', 'cases.addNote', { id: pick(p.cases).id, body: 'Rang back as agreed; they will think about residential options.' }),
  },
  'save a section': {
    weight: 8,
    run: async (p) => {
      const kase = pick(p.cases);
      const record = await call<{ id: string; contactVersion: number; callerName: string }>(p, 'query', 'cases.byReference', { reference: kase.reference });
      return call(p, 'mutation', 'cases.updateContact', {
        id: record.id,
        version: record.contactVersion,
        contact: { callerName: record.callerName, callerRelation: 'self', phone: `07400 ${String(Math.floor(between(100000, 999999)))}` },
      });
    },
  },
  'log a call': {
    weight: 8,
    run: async (p) => {
      const claimed = await call<{ id: string } | null>(p, 'mutation', 'callbacks.claimNext');
      if (claimed) await call(p, 'mutation', 'callbacks.logAttempt', { id: claimed.id, outcome: pick(['no_answer', 'voicemail'] as const) });
    },
  },
  'new callback request': { weight: 10, run: () => call(publicCaller(), 'mutation', 'callbacks.request', callbackRequest()) },
};

const weighted = Object.entries(actions).flatMap(([kind, action]) => Array.from({ length: action.weight }, () => kind));

// ---- the run ----

const latencies = new Map<string, number[]>(Object.keys(actions).map((kind) => [kind, []]));
const errors = new Map<string, number>();
const errorSamples: string[] = [];

async function work(person: Person, until: number): Promise<void> {
  // Not everyone starts at the same instant.
  await sleep(between(0, THINK_MS[1]));
  while (Date.now() < until) {
    const kind = pick(weighted);
    const started = performance.now();
    try {
      await actions[kind]!.run(person);
      latencies.get(kind)!.push(performance.now() - started);
    } catch (error) {
      errors.set(kind, (errors.get(kind) ?? 0) + 1);
      if (errorSamples.length < 10) errorSamples.push(`${kind}: ${(error as Error).message}`);
    }
    const pause = between(...THINK_MS);
    if (Date.now() + pause >= until) return;
    await sleep(pause);
  }
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

function report(elapsedS: number): void {
  const rows = [...latencies.entries()].map(([kind, values]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { kind, count: values.length, errors: errors.get(kind) ?? 0, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99) };
  });
  const all = [...latencies.values()].flat().sort((a, b) => a - b);
  rows.push({ kind: 'all', count: all.length, errors: [...errors.values()].reduce((sum, n) => sum + n, 0), p50: percentile(all, 0.5), p95: percentile(all, 0.95), p99: percentile(all, 0.99) });
  const ms = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(0)).padStart(7);
  console.log(`\n${STAFF} staff for ${elapsedS.toFixed(0)} s: ${(all.length / elapsedS).toFixed(1)} actions a second (an action may be two requests)\n`);
  console.log(`${'kind'.padEnd(22)}${'count'.padStart(7)}${'errors'.padStart(7)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'p99 ms'.padStart(8)}`);
  for (const row of rows) {
    if (row.kind === 'all') console.log('-'.repeat(60));
    console.log(`${row.kind.padEnd(22)}${String(row.count).padStart(7)}${String(row.errors).padStart(7)} ${ms(row.p50)} ${ms(row.p95)} ${ms(row.p99)}`);
  }
  if (errorSamples.length > 0) console.log(`\nFirst errors:\n  ${errorSamples.join('\n  ')}`);
}

async function startHarbour(port: number): Promise<ChildProcess> {
  const serverScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'load-server.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', serverScript], {
    env: { ...process.env, LOAD_DATABASE_URL: schemaUrl, LOAD_PORT: String(port), NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Harbour did not start within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`Harbour stopped while starting (exit ${code})`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return child;
}

async function main(): Promise<number> {
  const admin = openPostgres({ connectionString: baseDatabaseUrl, logger: silent, max: 2 });
  const redacted = new URL(baseDatabaseUrl);
  redacted.password = redacted.password ? '***' : '';
  console.log(`Load test: schema ${schema} in ${redacted.toString()}`);
  await admin.db.schema.createSchema(schema).execute();
  let harbour: ChildProcess | undefined;
  const database = openPostgres({ connectionString: schemaUrl, logger: silent, max: 2 });
  try {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    harbour = await startHarbour(port);

    // Advisers and team leads: managers must sign in with a second step, which simulated staff cannot.
    const leads = Math.max(1, Math.round(STAFF / 5));
    const users = [...(await createStaffInBulk(database.db, STAFF - leads, 'adviser')), ...(await createStaffInBulk(database.db, leads, 'team_lead'))];
    const people: Person[] = users.map((user) => ({ id: user.id, email: user.email, cookie: null, cases: [] }));
    console.log(`Signing in ${people.length} staff and opening their cases…`);
    for (let index = 0; index < people.length; index += 10) {
      await Promise.all(
        people.slice(index, index + 10).map(async (person) => {
          await call(person, 'mutation', 'auth.login', { email: person.email, password: DEFAULT_PASSWORD });
          if (!person.cookie) throw new Error(`${person.email} was not given a session`);
          for (let n = 0; n < 3; n += 1) await openCaseFor(person);
        }),
      );
    }
    for (let n = 0; n < 150; n += 10) {
      await Promise.all(Array.from({ length: 10 }, () => call(publicCaller(), 'mutation', 'callbacks.request', callbackRequest())));
    }

    console.log(`Running for ${DURATION_S} s…`);
    const started = Date.now();
    await Promise.all(people.map((person) => work(person, started + DURATION_S * 1_000)));
    report((Date.now() - started) / 1_000);
    const errorCount = [...errors.values()].reduce((sum, n) => sum + n, 0);
    if (errorCount > 0) console.error(`\n${errorCount} request(s) failed.`);
    return errorCount > 0 ? 1 : 0;
  } finally {
    harbour?.kill('SIGTERM');
    if (harbour && harbour.exitCode === null) await new Promise((resolve) => harbour!.once('exit', resolve));
    await database.close();
    await admin.db.schema.dropSchema(schema).ifExists().cascade().execute();
    await admin.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Load test could not run: ${(error as Error).message}`);
    process.exit(1);
  },
);
