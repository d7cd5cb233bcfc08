import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';

// A case's history comes from four places; each is read in one query and merged in time order.
const LIMIT = 500;

export function findEventEntries(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('case_events')
    .leftJoin('users', 'users.id', 'case_events.actor_id')
    .select(['case_events.id', 'case_events.kind', 'case_events.details', 'case_events.occurred_at as at', 'users.full_name as actorName'])
    .where('case_events.case_id', '=', caseId)
    .orderBy('case_events.occurred_at', 'desc')
    .limit(LIMIT)
    .execute();
}

export function findAttemptEntries(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('callback_attempts')
    .innerJoin('callback_requests', 'callback_requests.id', 'callback_attempts.callback_id')
    .innerJoin('users', 'users.id', 'callback_attempts.adviser_id')
    .select([
      'callback_attempts.id',
      'callback_attempts.outcome',
      'callback_attempts.notes',
      'callback_attempts.attempted_at as at',
      'callback_requests.reference as requestReference',
      'users.full_name as actorName',
    ])
    .where('callback_requests.case_id', '=', caseId)
    .orderBy('callback_attempts.attempted_at', 'desc')
    .limit(LIMIT)
    .execute();
}

export function findOpening(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('cases')
    .innerJoin('users', 'users.id', 'cases.opened_by')
    .select(['cases.id', 'cases.origin', 'cases.created_at as at', 'users.full_name as actorName'])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
}

export async function setNotePinned(db: Kysely<Database>, noteId: string, isPinned: boolean) {
  return db.updateTable('case_notes').set({ is_pinned: isPinned }).where('id', '=', noteId).returning(['id', 'case_id as caseId']).executeTakeFirst();
}
