import { isDeepStrictEqual } from 'node:util';
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './database';

/** Stands for an argument while the query is compiled, and is found again among its parameters. */
class StandIn {
  constructor(readonly index: number) {}
}

interface Prepared<Row> {
  compiled: CompiledQuery<Row>;
  /** For each parameter of the compiled query, the argument it takes, or null for a constant. */
  sources: Array<number | null>;
}

/**
 * A read whose SQL is the same on every call, for the queries every hot read runs. Kysely
 * builds and compiles a query afresh on each call: for the session look-up that is some 50 µs,
 * on every request. Here `build` runs once per database handle, with stand-ins for the
 * arguments, and each call sends the compiled SQL with its own arguments as the parameters.
 *
 * So each argument must reach the SQL only as a bound value (`where(column, '=', arg)`, or
 * `${arg}` in sql``), never decide how the query is built (no `if`, no list for `in`): an
 * argument that never appears among the parameters is refused at the first call. Use it with
 * `db`, not a transaction's `trx` (a new handle each time, so compiled each time).
 */
export function preparedQuery<Args extends unknown[], Row>(
  build: (db: Kysely<Database>, ...args: Args) => Compilable<Row>,
): (db: Kysely<Database>, ...args: Args) => Promise<Row[]> {
  const byHandle = new WeakMap<Kysely<Database>, Prepared<Row>>();
  return async (db, ...args) => {
    let prepared = byHandle.get(db);
    if (!prepared) {
      prepared = prepare(db, build, args);
      byHandle.set(db, prepared);
    }
    return (await db.executeQuery<Row>({ ...prepared.compiled, parameters: bind(prepared, args) })).rows;
  };
}

function bind<Row>({ compiled, sources }: Prepared<Row>, args: unknown[]): unknown[] {
  return sources.map((source, position) => (source === null ? compiled.parameters[position] : args[source]));
}

/** Compiles with stand-ins, and checks the first call's own query is that SQL with its arguments bound. */
function prepare<Args extends unknown[], Row>(db: Kysely<Database>, build: (db: Kysely<Database>, ...args: Args) => Compilable<Row>, args: Args): Prepared<Row> {
  const standIns = args.map((_, index) => new StandIn(index));
  const compiled = build(db, ...(standIns as Args)).compile();
  const prepared = { compiled, sources: compiled.parameters.map((parameter) => (parameter instanceof StandIn ? parameter.index : null)) };
  const unused = standIns.filter((standIn) => !prepared.sources.includes(standIn.index));
  const asBuilt = build(db, ...args).compile();
  if (unused.length > 0 || asBuilt.sql !== compiled.sql || !isDeepStrictEqual(asBuilt.parameters, bind(prepared, args))) {
    throw new Error('preparedQuery: an argument shapes this query rather than filling a parameter; build it on each call instead');
  }
  return prepared;
}
