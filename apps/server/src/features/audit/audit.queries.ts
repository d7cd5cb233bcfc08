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

const auditRow = (event: NewAuditEvent) => ({
  actor_user_id: event.actorUserId,
  action: event.action,
  entity_type: event.entityType ?? null,
  entity_id: event.entityId ?? null,
  request_id: event.requestId ?? null,
  details: JSON.stringify(event.details ?? {}),
});

export async function insertAuditEvent(trx: Kysely<Database>, event: NewAuditEvent): Promise<void> {
  await trx.insertInto('audit_events').values(auditRow(event)).execute();
}

/** Several events in one statement (and, outside a transaction, one commit). */
export async function insertAuditEvents(db: Kysely<Database>, events: NewAuditEvent[]): Promise<void> {
  await db.insertInto('audit_events').values(events.map(auditRow)).execute();
}
