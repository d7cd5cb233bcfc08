import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { recordAudit } from '../features/audit/audit.service';
import { createUser } from '../test/factories';
import { useTestDatabase } from '../test/test-database';

const db = useTestDatabase();

async function recordOneEvent() {
  const user = await createUser(db());
  await recordAudit(db(), { actorUserId: user.id, action: 'auth.signed_in', entityType: 'user', entityId: user.id, requestId: 'req-1' });
  return db().selectFrom('audit_events').selectAll().orderBy('id').execute();
}

describe('audit_events', () => {
  it('refuses UPDATE, even from the application itself', async () => {
    const before = await recordOneEvent();

    await expect(sql`update audit_events set action = 'auth.signed_out'`.execute(db())).rejects.toThrow(
      'audit_events is append-only: UPDATE refused',
    );
    expect(await db().selectFrom('audit_events').selectAll().orderBy('id').execute()).toEqual(before);
  });

  it('refuses DELETE', async () => {
    const before = await recordOneEvent();

    await expect(db().deleteFrom('audit_events').execute()).rejects.toThrow('audit_events is append-only: DELETE refused');
    expect(await db().selectFrom('audit_events').selectAll().orderBy('id').execute()).toEqual(before);
  });

  it('keeps accepting new entries', async () => {
    const before = await recordOneEvent();

    await recordAudit(db(), { actorUserId: null, action: 'users.created', details: { role: 'adviser' } });

    const after = await db().selectFrom('audit_events').select(['action', 'details']).orderBy('id').execute();
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toEqual({ action: 'users.created', details: { role: 'adviser' } });
  });
});
