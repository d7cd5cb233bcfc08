import type pg from 'pg';

// Loading a million rows into a table with its indexes is many times slower than loading it bare
// and building each index once, sorted. What to drop is read from the catalogue, never listed
// here, so an index or key a later migration adds is dropped and rebuilt like the rest.
// CHECK and NOT NULL constraints stay: every row is checked as it arrives.

export interface TableStructure {
  /** Foreign keys from or to the tables, as `alter table … add constraint …` statements. */
  foreignKeys: Statement[];
  /** Primary keys and unique (and exclusion) constraints. */
  keys: Statement[];
  /** Indexes no constraint owns. */
  indexes: Statement[];
}

export interface Statement {
  table: string;
  name: string;
  create: string;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** What would be dropped from these tables (in the schema on the search path). */
export async function readTableStructure(client: pg.ClientBase, tables: readonly string[]): Promise<TableStructure> {
  const constraints = await client.query<{ table: string; name: string; type: string; definition: string }>(
    `select rel.relname as table, con.conname as name, con.contype as type, pg_get_constraintdef(con.oid) as definition
       from pg_constraint con
       join pg_class rel on rel.oid = con.conrelid
       left join pg_class ref on ref.oid = con.confrelid
      where rel.relnamespace = current_schema()::regnamespace
        and (
          (con.contype in ('p', 'u', 'x') and rel.relname = any($1))
          or (con.contype = 'f' and (rel.relname = any($1) or ref.relname = any($1)))
        )
      order by rel.relname, con.conname`,
    [tables],
  );
  const indexes = await client.query<{ table: string; name: string; definition: string }>(
    `select rel.relname as table, idx.relname as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i
       join pg_class rel on rel.oid = i.indrelid
       join pg_class idx on idx.oid = i.indexrelid
      where rel.relnamespace = current_schema()::regnamespace
        and rel.relname = any($1)
        and not exists (select 1 from pg_constraint con where con.conindid = i.indexrelid and con.conrelid = i.indrelid)
      order by rel.relname, idx.relname`,
    [tables],
  );
  const asStatement = ({ table, name, definition }: { table: string; name: string; definition: string }): Statement => ({
    table,
    name,
    create: `alter table ${quote(table)} add constraint ${quote(name)} ${definition}`,
  });
  return {
    foreignKeys: constraints.rows.filter((row) => row.type === 'f').map(asStatement),
    keys: constraints.rows.filter((row) => row.type !== 'f').map(asStatement),
    indexes: indexes.rows.map(({ table, name, definition }) => ({ table, name, create: definition })),
  };
}

/** Drops foreign keys first (they lean on the keys), then the keys, then the other indexes. */
export async function dropTableStructure(client: pg.ClientBase, structure: TableStructure): Promise<void> {
  for (const { table, name } of [...structure.foreignKeys, ...structure.keys]) {
    await client.query(`alter table ${quote(table)} drop constraint ${quote(name)}`);
  }
  for (const { name } of structure.indexes) await client.query(`drop index ${quote(name)}`);
}

/**
 * Builds keys and indexes again, one statement per connection at a time (PostgreSQL may add
 * parallel workers to a B-tree build): the slow kinds (GIN, GiST) first so they do not run
 * alone at the end, then the biggest tables first. Then the foreign keys: each added NOT VALID
 * (a moment) and then validated, which checks every row as adding it outright would but takes a
 * lock that lets the checks of different tables run side by side; a table's own checks run one
 * after another on one connection.
 */
export async function restoreTableStructure(
  clients: readonly pg.ClientBase[],
  structure: TableStructure,
  sizeOf: (table: string) => number,
  onBuilt: (name: string, seconds: number) => void = () => undefined,
): Promise<void> {
  const isSlowKind = (statement: Statement) => / using (gin|gist) /i.test(statement.create);
  const byCost = (a: Statement, b: Statement) => Number(isSlowKind(b)) - Number(isSlowKind(a)) || sizeOf(b.table) - sizeOf(a.table);
  const builds = [...structure.keys, ...structure.indexes].sort(byCost).map((statement) => ({ name: statement.name, sql: [statement.create] }));
  await runOnEach(clients, builds, onBuilt);

  for (const { create } of structure.foreignKeys) await clients[0]!.query(`${create} not valid`);
  const tables = [...new Set(structure.foreignKeys.map((statement) => statement.table))].sort((a, b) => sizeOf(b) - sizeOf(a));
  const checks = tables.map((table) => ({
    name: `foreign keys of ${table}`,
    sql: structure.foreignKeys.filter((statement) => statement.table === table).map(({ name }) => `alter table ${quote(table)} validate constraint ${quote(name)}`),
  }));
  await runOnEach(clients, checks, onBuilt);
}

/** Each piece of work runs its statements in order on one connection; the connections share the list. */
async function runOnEach(clients: readonly pg.ClientBase[], work: ReadonlyArray<{ name: string; sql: string[] }>, onBuilt: (name: string, seconds: number) => void): Promise<void> {
  let next = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (next < work.length) {
        const piece = work[next]!;
        next += 1;
        const startedMs = performance.now();
        for (const statement of piece.sql) await client.query(statement);
        onBuilt(piece.name, (performance.now() - startedMs) / 1000);
      }
    }),
  );
}
