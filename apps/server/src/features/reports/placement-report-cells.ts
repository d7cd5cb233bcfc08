import { fundingRouteOptions, severityBandLabels } from '@harbour/shared/assessment';
import { serviceValues } from '@harbour/shared/clinics';
import { regionValues } from '@harbour/shared/regions';
import {
  aftercareStatusOptions,
  placementReportColumns,
  reportOutcomeOptions,
  type PlacementReportRow,
  type ReportColumn,
} from '@harbour/shared/reports';
import { substanceIds } from '@harbour/shared/substances';
import { sql, type RawBuilder } from 'kysely';
import { inertText } from './placement-report-csv';

// The CSV's cells written by the database, so a million-row download is PostgreSQL's COPY
// streaming text rather than a million rows built into objects and strings in Node. Each cell
// must read exactly as the shared column's text() (what the screen shows) passed through
// csvCell: a leading formula character made inert with an apostrophe; the quoting is COPY's,
// which quotes the same characters csvCell does. Labels are taken from the columns themselves,
// so a label changed in the shared code changes here too. An empty cell is NULL: COPY writes an
// empty string as "", csvCell as nothing.

type Field = keyof PlacementReportRow;
/** The SQL for one of the report row's fields as the report's query reads it; for `initials`, the name they are of. */
export type FieldSql = (field: Field) => RawBuilder<unknown>;

type CellRule =
  | { kind: 'text'; field: Field }
  | { kind: 'initials'; field: Field }
  | { kind: 'day'; field: Field }
  | { kind: 'count'; field: Field }
  | { kind: 'money'; field: Field }
  | { kind: 'label'; field: Field; values: readonly string[] }
  | { kind: 'yesNo'; field: Field };

const valuesOf = (options: ReadonlyArray<{ value: string }>) => options.map((option) => option.value);

// By header, so a column added to the report without a cell here stops the server at start.
const cellRules: Record<string, CellRule> = {
  Case: { kind: 'text', field: 'reference' },
  Client: { kind: 'initials', field: 'initials' },
  Proposed: { kind: 'day', field: 'proposedOn' },
  Admitted: { kind: 'day', field: 'admittedOn' },
  Discharged: { kind: 'day', field: 'dischargedOn' },
  'Booked days': { kind: 'count', field: 'bookedDays' },
  'Actual days': { kind: 'count', field: 'actualDays' },
  Clinic: { kind: 'text', field: 'clinicName' },
  Region: { kind: 'label', field: 'region', values: regionValues },
  Programme: { kind: 'label', field: 'programme', values: serviceValues },
  Funding: { kind: 'label', field: 'fundingRoute', values: valuesOf(fundingRouteOptions) },
  'Weekly price': { kind: 'money', field: 'weeklyPricePence' },
  'Service fee': { kind: 'money', field: 'feePence' },
  Outcome: { kind: 'label', field: 'outcome', values: valuesOf(reportOutcomeOptions) },
  Adviser: { kind: 'text', field: 'adviserName' },
  'Primary substance': { kind: 'label', field: 'primarySubstance', values: substanceIds },
  Severity: { kind: 'label', field: 'severity', values: Object.keys(severityBandLabels) },
  'Dual diagnosis': { kind: 'yesNo', field: 'isDualDiagnosis' },
  Aftercare: { kind: 'label', field: 'aftercareStatus', values: valuesOf(aftercareStatusOptions) },
};

/** A leading formula character escaped, as csvCell does. */
const inert = (value: RawBuilder<unknown>) =>
  sql`case when left(${value}, 1) in ('=', '+', '-', '@', E'\\t', E'\\r') then '''' || ${value} else ${value} end`;

// Initials as shared initialsOf works them out: the first letter of each part of the name
// between runs of JavaScript's \s or hyphens, upper-cased. ICU's [[:alpha:]] is Unicode's
// letters (\p{L}) and its upper() the full case mapping JavaScript uses ("ß" becomes "SS").
// One pass: a part with a letter becomes that letter; anything else is dropped.
const JS_SPACE = String.raw`\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff`;
const FIRST_LETTER_OF_EACH_PART = String.raw`[^[:alpha:]${JS_SPACE}-]*([[:alpha:]])[^${JS_SPACE}-]*|[^[:alpha:]]`;
const initialsOfName = (name: RawBuilder<unknown>) =>
  sql`nullif(upper(regexp_replace(${name} collate "und-x-icu", ${FIRST_LETTER_OF_EACH_PART}::text, E'\\\\1', 'g') collate "und-x-icu"), '')`;

// en-GB grouping, as Intl.NumberFormat gives it: 1,234.
const GROUPED = 'FM999,999,999,999,990';
const groupedWhole = (value: RawBuilder<unknown>) => sql`case when ${value} < 1000 then (${value})::text else to_char(${value}, ${sql.lit(GROUPED)}) end`;
/** "£1,234.50" from whole pence, as formatPence; "-£…" (made inert) below nought. */
const pounds = (pence: RawBuilder<unknown>) => sql`${groupedWhole(sql`${pence} / 100`)} || '.' || lpad((${pence} % 100)::text, 2, '0')`;

function stubRow(field: Field, value: unknown): PlacementReportRow {
  return { [field]: value } as unknown as PlacementReportRow;
}

// A value the shared labels do not know, to learn what a column shows for one: the value
// itself (regions, funding, substances) or nothing.
const UNKNOWN = '\u0001unknown';

function labelCell(column: ReportColumn, field: Field, values: readonly string[], value: RawBuilder<unknown>) {
  const branches = values.map((known) => sql`when ${known}::text then ${inertText(column.text(stubRow(field, known)))}::text`);
  const unknown = column.text(stubRow(field, UNKNOWN)) as string | undefined;
  let otherwise: RawBuilder<unknown>;
  if (unknown === UNKNOWN) otherwise = sql`nullif(${inert(value)}, '')`;
  else if (!unknown) otherwise = sql`null`;
  else throw new Error(`The column "${column.header}" shows "${unknown}" for a value it does not know; the CSV cannot say the same`);
  return sql`case ${value} ${sql.join(branches, sql` `)} else ${otherwise} end`;
}

function cellOf(column: ReportColumn, rule: CellRule, fieldSql: FieldSql): RawBuilder<unknown> {
  const value = fieldSql(rule.field);
  switch (rule.kind) {
    case 'text':
      return sql`nullif(${inert(value)}, '')`;
    case 'initials':
      return initialsOfName(value);
    case 'day':
      return sql`to_char(${value}, 'DD/MM/YYYY')`;
    case 'count':
      return sql`case when ${value} < 0 then '''' || to_char(${value}, ${sql.lit(GROUPED)}) else ${groupedWhole(value)} end`;
    case 'money':
      return sql`case when ${value} < 0 then '''-£' || ${pounds(sql`(-${value})`)} else '£' || ${pounds(value)} end`;
    case 'label':
      return labelCell(column, rule.field, rule.values, value);
    case 'yesNo':
      return sql`case when ${value} then ${column.text(stubRow(rule.field, true))}::text else ${column.text(stubRow(rule.field, false))}::text end`;
  }
}

for (const column of placementReportColumns) {
  if (!cellRules[column.header]) throw new Error(`The CSV has no cell for the report column "${column.header}"`);
}

/** The CSV's cells in column order, as SQL over the report's fields, each aliased cell_<n>. */
export function csvCellsSql(fieldSql: FieldSql) {
  return placementReportColumns.map((column, index) => cellOf(column, cellRules[column.header]!, fieldSql).as(`cell_${index}`));
}
