import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { WireCapture } from './bench-wire-capture';

// The floor replays what this relay records, so a statement it missed or misread would make
// the benchmark compare Harbour with less (or other) work than Harbour did. It speaks to a
// real PostgreSQL server over TCP: the embedded database has no wire protocol to relay.
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
if (!TEST_DATABASE_URL) {
  console.info('bench-wire-capture.test.ts skipped: TEST_DATABASE_URL is not set, and the relay needs a PostgreSQL server to relay to');
}

describe.skipIf(!TEST_DATABASE_URL)('the benchmark capture relay (WireCapture)', () => {
  const opened: Array<{ stop: () => Promise<void> }> = [];
  afterEach(async () => {
    for (const each of opened.splice(0).reverse()) await each.stop();
  });

  async function relayedClient(capture: WireCapture, port: number): Promise<pg.Client> {
    const url = new URL(TEST_DATABASE_URL!);
    url.hostname = '127.0.0.1';
    url.port = String(port);
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    opened.push({ stop: () => client.end() });
    return client;
  }

  async function startRelay() {
    const target = new URL(TEST_DATABASE_URL!);
    const started = await WireCapture.start({ host: target.hostname, port: Number(target.port || 5432) });
    opened.push(started.capture);
    return started;
  }

  it('passes answers through unchanged and records each statement with its parameters, in order', async () => {
    const { capture, port } = await startRelay();
    const client = await relayedClient(capture, port);
    capture.take(); // what pg sends on connecting, if anything

    const sum = await client.query<{ n: number }>('select $1::int + 1 as n', [41]);
    const echoed = await client.query<{ a: string | null; b: string }>('select $1::text as a, $2::text as b', [null, 'Ann O’Neil']);
    const simple = await client.query<{ one: number }>('select 1 as one');

    expect(sum.rows).toEqual([{ n: 42 }]);
    expect(echoed.rows).toEqual([{ a: null, b: 'Ann O’Neil' }]);
    expect(simple.rows).toEqual([{ one: 1 }]);
    const statements = capture.take();
    expect(statements.map(({ text, values }) => ({ text, values }))).toEqual([
      { text: 'select $1::int + 1 as n', values: ['41'] },
      { text: 'select $1::text as a, $2::text as b', values: [null, 'Ann O’Neil'] },
      { text: 'select 1 as one', values: [] },
    ]);
    for (const statement of statements) expect(statement.doneAt).toBeGreaterThanOrEqual(statement.sentAt);
    expect(capture.take()).toEqual([]);
  });

  it('tells connections apart, so a transaction replays on one connection', async () => {
    const { capture, port } = await startRelay();
    const first = await relayedClient(capture, port);
    const second = await relayedClient(capture, port);
    capture.take();

    await first.query('begin');
    await second.query('select 2');
    await first.query('select 1');
    await first.query('commit');

    const statements = capture.take();
    expect(statements.map((statement) => statement.text)).toEqual(['begin', 'select 2', 'select 1', 'commit']);
    const [begin, other, inside, commit] = statements;
    expect(new Set([begin!.connection, inside!.connection, commit!.connection]).size).toBe(1);
    expect(other!.connection).not.toBe(begin!.connection);
  });
});
