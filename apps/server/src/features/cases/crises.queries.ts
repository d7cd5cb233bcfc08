import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';

/** Null when the case already has an open crisis (one per case, held by a unique index). */
export async function insertOpenCrisis(trx: Kysely<Database>, crisis: { caseId: string; raisedBy: string; at: Date }) {
  return trx
    .insertInto('case_crises')
    .values({ case_id: crisis.caseId, raised_by: crisis.raisedBy, raised_at: crisis.at })
    .onConflict((conflict) => conflict.column('case_id').where('resolved_at', 'is', null).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export interface CrisisResolution {
  actions: string[];
  details: string | null;
  resolvedBy: string;
  at: Date;
}

const resolutionColumns = (resolution: CrisisResolution) => ({
  actions: resolution.actions,
  details: resolution.details,
  resolved_by: resolution.resolvedBy,
  resolved_at: resolution.at,
});

export async function resolveOpenCrisis(trx: Kysely<Database>, caseId: string, resolution: CrisisResolution): Promise<boolean> {
  const updated = await trx
    .updateTable('case_crises')
    .set(resolutionColumns(resolution))
    .where('case_id', '=', caseId)
    .where('resolved_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return updated !== undefined;
}

export async function insertResolvedCrisis(trx: Kysely<Database>, caseId: string, resolution: CrisisResolution): Promise<void> {
  await trx
    .insertInto('case_crises')
    .values({ case_id: caseId, raised_by: resolution.resolvedBy, raised_at: resolution.at, ...resolutionColumns(resolution) })
    .execute();
}

export function findOpenCrises(db: Kysely<Database>) {
  return db
    .selectFrom('case_crises')
    .innerJoin('cases', 'cases.id', 'case_crises.case_id')
    .innerJoin('users as raiser', 'raiser.id', 'case_crises.raised_by')
    .select([
      'case_crises.id',
      'case_crises.case_id as caseId',
      'case_crises.raised_at as raisedAt',
      'cases.reference',
      'cases.client_name as clientName',
      'cases.caller_name as callerName',
      'raiser.full_name as raisedByName',
    ])
    .where('case_crises.resolved_at', 'is', null)
    .orderBy('case_crises.raised_at')
    .execute();
}

export async function findLatestCrisisRaisedAt(db: Kysely<Database>, caseId: string): Promise<Date | null> {
  const latest = await db
    .selectFrom('case_crises')
    .select('raised_at')
    .where('case_id', '=', caseId)
    .orderBy('raised_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return latest?.raised_at ?? null;
}
