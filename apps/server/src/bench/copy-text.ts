import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

// Rows for COPY … FROM STDIN in PostgreSQL's text format: one line a row, columns split by tabs,
// `\N` for null. Only a backslash, tab, newline and carriage return need escaping.

export const NULL = '\\N';

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A text value as COPY reads it; the test is cheaper than the replace, and most values pass it. */
export function copyText(value: string | null | undefined): string {
  if (value === null || value === undefined) return NULL;
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (character) => ESCAPES[character]!) : value;
}

/**
 * A text[] literal for COPY. The values here are option ids (letters and underscores), which
 * need no quoting inside the braces; anything else is refused rather than quoted wrongly.
 */
export function copyArray(values: readonly (string | number)[]): string {
  for (const value of values) if (!/^[a-z0-9_]+$/.test(String(value))) throw new Error(`copyArray takes plain ids only, not ${JSON.stringify(value)}`);
  return `{${values.join(',')}}`;
}

const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const dayTexts = new Map<number, string>();

/** yyyy-mm-dd of a UTC day number, made once per day: a million Date objects are measurable. */
function dayText(day: number): string {
  let text = dayTexts.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dayTexts.set(day, text);
  }
  return text;
}

/** A timestamptz to the second, in UTC; several times cheaper than Date#toISOString in a hot loop. */
export function copyTime(ms: number | null): string {
  if (ms === null) return NULL;
  const day = Math.floor(ms / DAY_MS);
  const second = Math.floor((ms - day * DAY_MS) / 1000);
  const hour = Math.floor(second / 3600);
  const minute = Math.floor((second % 3600) / 60);
  return `${dayText(day)} ${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[second % 60]}+00`;
}

/** The UTC calendar day of a moment. */
export const copyDay = (ms: number | null): string => (ms === null ? NULL : dayText(Math.floor(ms / DAY_MS)));
export const copyBool = (value: boolean): string => (value ? 't' : 'f');

/** How many items go into one write: big enough that the stream's bookkeeping costs nothing. */
const ITEMS_PER_CHUNK = 4_000;

export interface CopyTarget {
  client: pg.ClientBase;
  table: string;
  columns: readonly string[];
  /**
   * Empty the table and load it frozen in one transaction: the rows are visible to all from the
   * start, so the first reads do not each rewrite pages to set hint bits and no vacuum is owed.
   * Only for a table nothing references at the moment (its foreign keys dropped).
   */
  freeze?: boolean;
}

/**
 * Streams rows into several tables at once, one COPY on each target's connection, from one
 * pass over `count` items: `rowsAt(index, into)` pushes item `index`'s lines (without their
 * newline) into `into[t]` for target `t`, so a case's story is worked out once for its row,
 * its request, its calls and its placement. Writing waits whenever a connection is behind
 * (back-pressure), so memory stays flat however many rows there are. Answers the rows per target.
 */
export async function copyManyRows(
  targets: readonly CopyTarget[],
  count: number,
  rowsAt: (index: number, into: string[][]) => void,
): Promise<number[]> {
  const written = targets.map(() => 0);
  for (const { client, table, freeze } of targets) if (freeze) await client.query(`begin; truncate table ${table}`);
  const streams = targets.map(({ client, table, columns, freeze }) =>
    client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin${freeze ? ' with (freeze)' : ''}`)),
  );
  let failure: Error | null = null;
  const failed = new Promise<never>((_, reject) => {
    for (const stream of streams) {
      stream.on('error', (error: Error) => {
        failure ??= error;
        reject(error);
      });
    }
  });
  failed.catch(() => undefined);
  const finished = streams.map((stream) => once(stream, 'finish'));
  // Awaited below; until then a rejection must not count as unhandled.
  for (const promise of finished) promise.catch(() => undefined);
  try {
    for (let start = 0; start < count; start += ITEMS_PER_CHUNK) {
      const lines = targets.map((): string[] => []);
      const end = Math.min(count, start + ITEMS_PER_CHUNK);
      for (let index = start; index < end; index += 1) rowsAt(index, lines);
      const waits: Promise<unknown>[] = [];
      lines.forEach((chunk, t) => {
        if (chunk.length === 0) return;
        written[t]! += chunk.length;
        if (!streams[t]!.write(`${chunk.join('\n')}\n`)) waits.push(once(streams[t]!, 'drain'));
      });
      if (waits.length) await Promise.race([Promise.all(waits), failed]);
      if (failure) throw failure;
    }
    for (const stream of streams) stream.end();
    await Promise.race([Promise.all(finished), failed]);
    for (const { client, freeze } of targets) if (freeze) await client.query('commit');
  } catch (error) {
    for (const stream of streams) stream.destroy();
    await Promise.all(targets.map(({ client, freeze }) => (freeze ? client.query('rollback').catch(() => undefined) : undefined)));
    throw error;
  }
  return written;
}

/** As copyManyRows, into one table. */
export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  count: number,
  rowsAt: (index: number, into: string[]) => void,
): Promise<number> {
  const [written] = await copyManyRows([{ client, table, columns }], count, (index, into) => rowsAt(index, into[0]!));
  return written!;
}
