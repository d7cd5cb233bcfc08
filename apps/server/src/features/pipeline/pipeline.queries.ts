import { BOARD_PAGE_SIZE, CLOSED_SHOWN_FOR_DAYS, type BoardFilters } from '@harbour/shared/pipeline';
import type { CaseStage } from '@harbour/shared/cases';
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../../db/database';

const DAY_MS = 24 * 3_600_000;

// Immediate first; a case never assessed sorts after every assessed one.
const riskRank = sql<number>`case cases.risk_level when 'immediate' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 else 4 end`;

const closedShownSince = (now: Date) => new Date(now.getTime() - CLOSED_SHOWN_FOR_DAYS * DAY_MS);

/**
 * The board's filters as one condition, the same for every column and for the counts. Closed
 * cases stay on the board for a while, then leave it: for one column that is said plainly (a
 * window on closed cases, nothing on the others), so the planner reads it from an index and
 * estimates it once rather than twice.
 */
function matchesFilters(filters: BoardFilters, now: Date, stage?: CaseStage) {
  return (eb: ExpressionBuilder<Database, 'cases'>) => {
    const conditions =
      stage === undefined
        ? [eb.or([eb('cases.stage', '!=', 'closed'), eb('cases.stage_changed_at', '>=', closedShownSince(now))])]
        : stage === 'closed'
          ? [eb('cases.stage_changed_at', '>=', closedShownSince(now))]
          : [];
    if (filters.adviserId === 'unassigned') conditions.push(eb('cases.assigned_adviser_id', 'is', null));
    else if (filters.adviserId) conditions.push(eb('cases.assigned_adviser_id', '=', filters.adviserId));
    if (filters.region) conditions.push(eb('cases.region', '=', filters.region));
    if (filters.substance) {
      conditions.push(eb.or([eb('cases.primary_substance', '=', filters.substance), sql<boolean>`${filters.substance} = any(cases.substances)`]));
    }
    if (filters.risk) conditions.push(eb('cases.risk_level', '=', filters.risk));
    if (filters.fundingRoute) conditions.push(eb('cases.funding_route', '=', filters.fundingRoute));
    if (filters.minDaysInStage) conditions.push(eb('cases.stage_changed_at', '<=', new Date(now.getTime() - filters.minDaysInStage * DAY_MS)));
    if (filters.noNextAction) conditions.push(eb('cases.next_action', 'is', null));
    if (filters.nextActionOverdue) conditions.push(eb('cases.next_action_due_at', '<', now));
    return eb.and(conditions);
  };
}

export async function countByStage(db: Kysely<Database>, filters: BoardFilters, now: Date): Promise<Record<CaseStage, number>> {
  const rows = await db
    .selectFrom('cases')
    .select(['cases.stage', sql<number>`count(*)::int`.as('count')])
    .where(matchesFilters(filters, now))
    .groupBy('cases.stage')
    .execute();
  const counts: Record<CaseStage, number> = { enquiry: 0, assessment: 0, placement: 0, aftercare: 0, closed: 0 };
  for (const row of rows) counts[row.stage] = row.count;
  return counts;
}

/** One page of a column: most at risk first, then longest in the stage. */
export async function findColumnPage(db: Kysely<Database>, stage: CaseStage, filters: BoardFilters, page: number, now: Date) {
  const rows = await db
    .selectFrom('cases')
    .leftJoin('users as adviser', 'adviser.id', 'cases.assigned_adviser_id')
    .select([
      'cases.id',
      'cases.version',
      'cases.reference',
      'cases.client_name as clientName',
      'cases.caller_name as callerName',
      'cases.stage',
      'cases.stage_changed_at as stageChangedAt',
      'cases.assigned_adviser_id as assignedAdviserId',
      'adviser.full_name as assignedAdviserName',
      'cases.risk_level as riskLevel',
      'cases.severity',
      'cases.is_dual_diagnosis as isDualDiagnosis',
      'cases.primary_substance as primarySubstance',
      'cases.region',
      'cases.next_action as nextAction',
      'cases.next_action_due_at as nextActionDueAt',
      'cases.closure_reason as closureReason',
    ])
    .where('cases.stage', '=', stage)
    .where(matchesFilters(filters, now, stage))
    // One risk level filtered: every card has the same rank, and (stage, risk_level,
    // stage_changed_at) gives the page in order.
    .$if(!filters.risk, (query) => query.orderBy(riskRank))
    .orderBy('cases.stage_changed_at', 'asc')
    .orderBy('cases.id')
    .limit(BOARD_PAGE_SIZE + 1)
    .offset((page - 1) * BOARD_PAGE_SIZE)
    .execute();
  return { cards: rows.slice(0, BOARD_PAGE_SIZE), hasNextPage: rows.length > BOARD_PAGE_SIZE };
}
