import type { CompiledQuery } from 'kysely';

// COPY (query) TO STDOUT takes no bind parameters: the query must arrive as one text with its
// values written in. Only the values Harbour itself puts in a query reach here (validated
// filters, labels), and each is written as a typed literal that cannot end early.

/** A value as an SQL literal: an escape string (E'…') reads the same whatever standard_conforming_strings says. */
function literalOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('Only finite numbers can be written into a query');
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return `'${value.toISOString()}'::timestamptz`;
  if (typeof value === 'string') {
    if (value.includes('\0')) throw new Error('A query value cannot hold a NUL character');
    return `E'${value.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
  }
  throw new Error(`A ${typeof value} cannot be written into a query`);
}

/**
 * The compiled query as one text, each $n replaced by its value as a literal. The query's own
 * text must hold no "$<digit>" of its own (Kysely writes values as parameters, so it does not).
 */
export function inlineParameters({ sql, parameters }: Pick<CompiledQuery, 'sql' | 'parameters'>): string {
  return sql.replace(/\$(\d+)/g, (_placeholder, position: string) => {
    const index = Number(position) - 1;
    if (index < 0 || index >= parameters.length) throw new Error(`The query has no parameter $${position}`);
    return literalOf(parameters[index]);
  });
}
