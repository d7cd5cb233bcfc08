import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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

export const copyTime = (ms: number | null): string => (ms === null ? NULL : new Date(ms).toISOString());
export const copyDay = (ms: number | null): string => (ms === null ? NULL : new Date(ms).toISOString().slice(0, 10));
export const copyBool = (value: boolean): string => (value ? 't' : 'f');

/** How many rows go into one write: big enough that the stream's bookkeeping costs nothing. */
const ROWS_PER_CHUNK = 4_000;

/**
 * Streams rows into `table` with COPY. `rowsAt(index, into)` pushes the lines (without their
 * newline) that item number `index` makes: one case, or a request's several attempts. Chunks
 * are pulled only as fast as PostgreSQL takes them (the pipeline honours back-pressure), so
 * memory stays flat however many rows there are. Answers how many rows went in.
 */
export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  count: number,
  rowsAt: (index: number, into: string[]) => void,
): Promise<number> {
  let written = 0;
  function* chunks(): Generator<string> {
    for (let start = 0; start < count; start += ROWS_PER_CHUNK) {
      const lines: string[] = [];
      const end = Math.min(count, start + ROWS_PER_CHUNK);
      for (let index = start; index < end; index += 1) rowsAt(index, lines);
      written += lines.length;
      if (lines.length > 0) yield `${lines.join('\n')}\n`;
    }
  }
  const statement = `copy ${table} (${columns.join(', ')}) from stdin`;
  await pipeline(Readable.from(chunks(), { objectMode: false }), client.query(copyFrom(statement)));
  return written;
}
