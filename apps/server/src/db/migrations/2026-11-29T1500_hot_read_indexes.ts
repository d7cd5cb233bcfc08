import { sql, type Kysely } from 'kysely';

// The case list and the board's columns read one page of a million cases in a chosen order,
// often with a stage, a risk or an adviser: without an index that yields rows in that order,
// each page sorted every matching case (0.4 to 4 s a page with pnpm bench:data; 1 to 60 ms
// with these). Each index serves one order, alone or after the filter it starts with, and ends
// with the id the queries break ties by, so the index gives the page without any sort (most
// cases have no next action: sorting their ties was a sort of all of them). A risk filter that
// comes after the order's columns is checked inside the index, not in the table.
//
// "Highest risk" orders by this expression: it must match the queries' text for the planner to
// use the index (case-list.queries.ts and pipeline.queries.ts).
const riskRank = sql`(case risk_level when 'immediate' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 else 4 end)`;

const indexes: Array<[name: string, columns: ReturnType<typeof sql>]> = [
  // Recently updated; newest; longest in stage; next action due; highest risk.
  ['cases_updated_idx', sql`updated_at desc, id`],
  ['cases_created_idx', sql`created_at desc, id, risk_level`],
  ['cases_changed_idx', sql`stage_changed_at, id, risk_level`],
  ['cases_next_action_idx', sql`next_action_due_at, id, risk_level`],
  ['cases_risk_rank_idx', sql`${riskRank}, updated_at desc, id`],
  // The same within a stage (the board's columns read cases_board_column_idx).
  ['cases_stage_updated_id_idx', sql`stage, updated_at desc, id`],
  ['cases_stage_created_idx', sql`stage, created_at desc, id`],
  ['cases_stage_changed_id_idx', sql`stage, stage_changed_at, id`],
  ['cases_stage_next_action_idx', sql`stage, next_action_due_at, id`],
  ['cases_stage_risk_rank_idx', sql`stage, ${riskRank}, updated_at desc, id`],
  ['cases_board_column_idx', sql`stage, ${riskRank}, stage_changed_at, id`],
  // One risk level: its rank is the same for every row, so highest risk is recently updated.
  ['cases_risk_updated_idx', sql`risk_level, updated_at desc, id`],
  ['cases_stage_risk_changed_idx', sql`stage, risk_level, stage_changed_at, id`],
  // An adviser's own cases ("My cases") or one adviser's, in each order.
  ['cases_adviser_updated_idx', sql`assigned_adviser_id, updated_at desc, id`],
  ['cases_adviser_created_idx', sql`assigned_adviser_id, created_at desc, id`],
  ['cases_adviser_changed_idx', sql`assigned_adviser_id, stage_changed_at, id`],
  ['cases_adviser_next_action_id_idx', sql`assigned_adviser_id, next_action_due_at, id`],
  ['cases_adviser_risk_rank_idx', sql`assigned_adviser_id, ${riskRank}, updated_at desc, id`],
];

// Made redundant by the two stage indexes above that start with the same columns.
const replaced: Array<[name: string, columns: string[]]> = [
  ['cases_stage_updated_idx', ['stage', 'updated_at']],
  ['cases_stage_changed_idx', ['stage', 'stage_changed_at']],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, columns] of indexes) await sql`create index if not exists ${sql.id(name)} on cases (${columns})`.execute(db);
  for (const [name] of replaced) await db.schema.dropIndex(name).ifExists().execute();
  await sql`analyze cases`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name, columns] of replaced) await db.schema.createIndex(name).ifNotExists().on('cases').columns(columns).execute();
  for (const [name] of indexes) await db.schema.dropIndex(name).ifExists().execute();
}
