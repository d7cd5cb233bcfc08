// The floor: a bare Express + node-postgres process that answers the benchmark's requests by
// running exactly the statements Harbour ran for the same request (captured on the wire by
// bench-wire-capture.ts), with one pool of Harbour's size and the same type parsers. What is
// left is what Harbour adds: its middleware (logging, security headers, CSRF check), tRPC's
// routing, input validation and superjson, Kysely building the SQL, and the code in between.
//
// Run as `node --import tsx bench-floor.ts <plan.json> <port>`: it prints "ready" when listening.
import { readFileSync } from 'node:fs';
import express from 'express';
import pg from 'pg';

/** A statement, or a transaction's statements in order on one connection. */
export type ReplayUnit = Array<{ text: string; values: Array<string | null> }>;
/** Units Harbour ran at the same time (Promise.all), run here at the same time too. */
export type ReplayStep = ReplayUnit[];
/** For each request path, the steps Harbour ran for it, in order. */
export type ReplayPlan = Record<string, ReplayStep[]>;

export const FLOOR_POOL_SIZE = 10;

const INT8_OID = 20;
const DATE_OID = 1082;

function startFloor(plan: ReplayPlan, databaseUrl: string, port: number): void {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: FLOOR_POOL_SIZE,
    application_name: 'harbour-bench-floor',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8_OID) return (value: string) => Number(value);
        if (oid === DATE_OID) return (value: string) => value;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });

  async function runUnit(unit: ReplayUnit): Promise<unknown[][]> {
    if (unit.length === 1) return [(await pool.query(unit[0]!.text, unit[0]!.values)).rows];
    const client = await pool.connect();
    try {
      const results: unknown[][] = [];
      for (const statement of unit) results.push((await client.query(statement.text, statement.values)).rows);
      return results;
    } finally {
      client.release();
    }
  }

  const app = express();
  app.use(async (req, res) => {
    const steps = plan[req.originalUrl];
    if (!steps) {
      res.status(404).json({ error: 'not in the plan' });
      return;
    }
    try {
      const rows: unknown[][] = [];
      for (const step of steps) for (const unitRows of await Promise.all(step.map(runUnit))) rows.push(...unitRows);
      res.json(rows);
    } catch (error) {
      res.status(500).json({ error: String(error) });
    }
  });
  app.listen(port, '127.0.0.1', () => console.log('ready'));
}

const [planFile, port] = process.argv.slice(2);
if (planFile && port) {
  startFloor(JSON.parse(readFileSync(planFile, 'utf8')) as ReplayPlan, process.env.BENCH_DATABASE_URL ?? '', Number(port));
}
