import { clinicNeedOf, matchClinics } from '@harbour/shared/clinic-matching';
import type { Service, Travel } from '@harbour/shared/clinics';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../../actor';
import type { Database } from '../../db/database';
import { notFound } from '../../trpc/errors';
import { recordAudit } from '../audit/audit.service';
import { findClinicsForMatching } from './clinics.queries';

/**
 * The directory ranked for one case, each clinic with its reasons, and the need it was ranked
 * against, so the adviser can see what the ranking assumed. Reading the case's assessment to
 * rank is access to their health data, so it is audited.
 */
export async function matchClinicsForCase(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { caseId: string; travel: Travel; programme?: Service; lengthDays?: number },
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('cases')
      .select(['id', 'assessment', 'funding_route', 'budget_max_pence', 'region'])
      .where('id', '=', input.caseId)
      .executeTakeFirst();
    if (!found) throw notFound('That case does not exist');
    const need = clinicNeedOf(found.assessment, { fundingRoute: found.funding_route, budgetMaxPence: found.budget_max_pence }, found.region);
    const clinics = await findClinicsForMatching(trx);
    const matches = matchClinics(need, clinics, { travel: input.travel, programme: input.programme, lengthDays: input.lengthDays, now });
    await recordAudit(trx, {
      actorUserId: actor.userId,
      action: 'clinics.matched',
      entityType: 'case',
      entityId: found.id,
      requestId: actor.requestId,
      details: { travel: input.travel, programme: input.programme ?? null, lengthDays: input.lengthDays ?? null },
    });
    return { need, hasAssessment: found.assessment !== null, matches };
  });
}
