import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';

export interface NewAuditEvent {
  actorUserId: string | null;
  action: string;
  entityType?: string;
  entityId?: string;
  requestId?: string;
  details?: Record<string, unknown>;
}

export async function insertAuditEvent(trx: Kysely<Database>, event: NewAuditEvent): Promise<void> {
  await trx
    .insertInto('audit_events')
    .values({
      actor_user_id: event.actorUserId,
      action: event.action,
      entity_type: event.entityType ?? null,
      entity_id: event.entityId ?? null,
      request_id: event.requestId ?? null,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}
