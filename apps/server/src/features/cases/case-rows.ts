import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';

// Not a *.queries file: the list (case-list.queries) and the search (case-search.queries) both
// show these columns, and one feature's queries do not import another's.

/** The columns a list or search result shows. */
export function caseRows(db: Kysely<Database>) {
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
