import type { ClinicFields } from '@harbour/shared/clinics';
import { formatDateTime } from '@harbour/shared/format';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../../actor';
import type { Database } from '../../db/database';
import { isUniqueViolation } from '../../db/errors';
import { badRequest, conflict, notFound } from '../../trpc/errors';
import { recordAudit } from '../audit/audit.service';
import { changedFields } from '../cases/case-access.service';
import { clinicColumns, findClinicById, findClinicForUpdate, findClinics, type ClinicRow } from './clinics.queries';

export function listClinics(db: Kysely<Database>, filters: { region?: string; service?: string; search?: string }) {
  return findClinics(db, filters);
}

export async function clinicById(db: Kysely<Database>, id: string): Promise<ClinicRow> {
  const clinic = await findClinicById(db, id);
  if (!clinic) throw notFound('That clinic is not in the directory');
  return clinic;
}

const duplicateLocation = () => conflict('A clinic with this location ID is already in the directory', 'locationId');

export async function createClinic(db: Kysely<Database>, actor: StaffActor, clinic: ClinicFields, now: Date): Promise<ClinicRow> {
  try {
    return await db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('clinics')
        .values({ ...clinicColumns(clinic), beds_confirmed_at: now, beds_confirmed_by: actor.userId, updated_by: actor.userId, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, { actorUserId: actor.userId, action: 'clinics.created', entityType: 'clinic', entityId: id, requestId: actor.requestId });
      return clinicById(trx, id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateLocation();
    throw error;
  }
}

/** Saves a manager's edit made at `version`; an edit in between is a conflict naming who made it. */
export async function updateClinic(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { id: string; version: number; clinic: ClinicFields },
  now: Date,
): Promise<ClinicRow> {
  try {
    return await db.transaction().execute(async (trx) => {
      const locked = await findClinicForUpdate(trx, input.id);
      if (!locked) throw notFound('That clinic is not in the directory');
      if (locked.version !== input.version) {
        const who = await trx.selectFrom('users').select('full_name').where('id', '=', locked.updated_by ?? '').executeTakeFirst();
        throw conflict(
          `${who?.full_name ?? 'Someone'} changed ${locked.name} at ${formatDateTime(locked.updated_at)}, after you opened it. Reload to see their change; what you typed stays on screen.`,
        );
      }
      const columns = clinicColumns(input.clinic);
      // Typing a new count of free beds is confirming it.
      const bedsChanged = columns.beds_available !== locked.beds_available;
      await trx
        .updateTable('clinics')
        .set({
          ...columns,
          ...(bedsChanged ? { beds_confirmed_at: now, beds_confirmed_by: actor.userId } : {}),
          version: locked.version + 1,
          updated_by: actor.userId,
          updated_at: now,
        })
        .where('id', '=', input.id)
        .execute();
      const fields = changedFields(locked, { ...columns, fee_terms: input.clinic.feeTerms });
      await recordAudit(trx, { actorUserId: actor.userId, action: 'clinics.updated', entityType: 'clinic', entityId: input.id, requestId: actor.requestId, details: { fields } });
      return clinicById(trx, input.id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateLocation();
    throw error;
  }
}

/** Locks a clinic's row for a placement step that reads its terms or moves its beds. */
export async function lockClinic(trx: Kysely<Database>, id: string) {
  const clinic = await findClinicForUpdate(trx, id);
  if (!clinic) throw notFound('That clinic is not in the directory');
  return clinic;
}

/** Anyone on shift who has just rung the clinic may say how many beds are free. */
export async function confirmBeds(db: Kysely<Database>, actor: StaffActor, input: { id: string; available: number }, now: Date): Promise<ClinicRow> {
  return db.transaction().execute(async (trx) => {
    const locked = await findClinicForUpdate(trx, input.id);
    if (!locked) throw notFound('That clinic is not in the directory');
    if (input.available > locked.beds_total) {
      throw badRequest(`${locked.name} has ${locked.beds_total} beds in total: a manager can change that in the directory`, 'available');
    }
    // A new version, so a manager's edit opened before this confirmation cannot put the old
    // count back: their save becomes a conflict naming who confirmed.
    await trx
      .updateTable('clinics')
      .set({
        beds_available: input.available,
        beds_confirmed_at: now,
        beds_confirmed_by: actor.userId,
        version: locked.version + 1,
        updated_by: actor.userId,
        updated_at: now,
      })
      .where('id', '=', input.id)
      .execute();
    await recordAudit(trx, {
      actorUserId: actor.userId,
      action: 'clinics.beds_confirmed',
      entityType: 'clinic',
      entityId: input.id,
      requestId: actor.requestId,
      details: { from: locked.beds_available, to: input.available },
    });
    return clinicById(trx, input.id);
  });
}
