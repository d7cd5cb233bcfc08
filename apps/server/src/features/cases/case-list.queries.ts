import type { CaseListSort } from '@harbour/shared/case-record';
import type { CaseStage } from '@harbour/shared/cases';
import type { RiskLevel } from '@harbour/shared/assessment';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/database';

/** The columns a page of the case list shows. */
function caseRows(db: Kysely<Database>) {
  return db
    .selectFrom('cases')
    .leftJoin('users as adviser', 'adviser.id', 'cases.assigned_adviser_id')
    .select([
      'cases.id',
      'cases.reference',
      'cases.client_name as clientName',
      'cases.caller_name as callerName',
      'cases.stage',
      'cases.risk_level as riskLevel',
      'cases.severity',
      'cases.is_dual_diagnosis as isDualDiagnosis',
      'cases.primary_substance as primarySubstance',
      'adviser.full_name as assignedAdviserName',
      'cases.stage_changed_at as stageChangedAt',
      'cases.next_action as nextAction',
      'cases.next_action_due_at as nextActionDueAt',
      'cases.updated_at as updatedAt',
    ]);
}

export interface CaseListFilter {
  assignedTo?: string | 'unassigned';
  stage?: CaseStage;
  risk?: RiskLevel;
}

// Immediate first; a case never assessed sorts after every assessed one.
const riskRank = sql<number>`case cases.risk_level when 'immediate' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 else 4 end`;

type CaseRowsQuery = ReturnType<typeof caseRows> extends SelectQueryBuilder<infer DB, infer TB, infer O> ? SelectQueryBuilder<DB, TB, O> : never;

function sorted(query: CaseRowsQuery, sort: CaseListSort, filter: CaseListFilter): CaseRowsQuery {
  switch (sort) {
    case 'longest_in_stage':
      return query.orderBy('cases.stage_changed_at', 'asc');
    case 'highest_risk':
      // Filtered to one risk level, every row has the same rank: leaving it out of the order
      // lets the (risk_level, updated_at) index give the page instead of a sort of every match.
      return filter.risk ? query.orderBy('cases.updated_at', 'desc') : query.orderBy(riskRank).orderBy('cases.updated_at', 'desc');
    case 'next_action_due':
      return query.orderBy(sql`cases.next_action_due_at asc nulls last`);
    case 'newest':
      return query.orderBy('cases.created_at', 'desc');
    case 'recently_updated':
      return query.orderBy('cases.updated_at', 'desc');
  }
}

/** One page, and whether another follows (one row more is read instead of counting them all). */
export async function findCasePage(db: Kysely<Database>, filter: CaseListFilter, sort: CaseListSort, page: number, pageSize: number) {
  let query = caseRows(db);
  if (filter.assignedTo === 'unassigned') query = query.where('cases.assigned_adviser_id', 'is', null);
  else if (filter.assignedTo) query = query.where('cases.assigned_adviser_id', '=', filter.assignedTo);
  if (filter.stage) query = query.where('cases.stage', '=', filter.stage);
  if (filter.risk) query = query.where('cases.risk_level', '=', filter.risk);
  const rows = await sorted(query, sort, filter)
    .orderBy('cases.id')
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows: rows.slice(0, pageSize), hasNextPage: rows.length > pageSize };
}
