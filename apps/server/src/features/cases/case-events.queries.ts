import type { Kysely } from 'kysely';
import type { CaseEventKind, Database } from '../../db/database';

export async function insertCaseEvent(
  trx: Kysely<Database>,
  event: { caseId: string; actorId: string; kind: CaseEventKind; details?: Record<string, unknown>; at: Date },
): Promise<void> {
  await trx
    .insertInto('case_events')
    .values({
      case_id: event.caseId,
      actor_id: event.actorId,
      kind: event.kind,
      details: JSON.stringify(event.details ?? {}),
      occurred_at: event.at,
    })
    .execute();
}

/** Who last made one of these kinds of change, and when: what a conflict tells the loser. */
export async function findLastChange(db: Kysely<Database>, caseId: string, kinds: readonly CaseEventKind[]) {
  return db
    .selectFrom('case_events')
    .leftJoin('users', 'users.id', 'case_events.actor_id')
    .select(['users.full_name as actorName', 'case_events.occurred_at as at'])
    .where('case_events.case_id', '=', caseId)
    .where('case_events.kind', 'in', kinds)
    .orderBy('case_events.occurred_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
