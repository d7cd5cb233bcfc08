import { erasePersonSchema, findSubjectSchema, subjectSchema, withdrawContactConsentSchema } from '@harbour/shared/privacy';
import { staffActor } from '../../actor';
import { requirePermission, router } from '../../trpc/init';
import { withdrawContactConsent } from './contact-consent.service';
import { erasePerson, findSubject, retentionStatus, subjectAccess } from './privacy.service';

// Subject access, erasure and consent withdrawal reach every record of a person: managers only.
export const privacyRouter = router({
  findSubject: requirePermission('privacy:manage')
    .input(findSubjectSchema)
    .query(({ ctx, input }) => findSubject(ctx.db, staffActor(ctx), input.reference)),

  subjectAccess: requirePermission('privacy:manage')
    .input(subjectSchema)
    .query(({ ctx, input }) => subjectAccess(ctx.db, staffActor(ctx), input, 'page', ctx.now())),

  erase: requirePermission('privacy:manage')
    .input(erasePersonSchema)
    .mutation(({ ctx, input }) => erasePerson(ctx.db, staffActor(ctx), input, ctx.now())),

  withdrawContactConsent: requirePermission('privacy:manage')
    .input(withdrawContactConsentSchema)
    .mutation(({ ctx, input }) => withdrawContactConsent(ctx.db, staffActor(ctx), input, ctx.now())),

  retentionStatus: requirePermission('privacy:manage').query(({ ctx }) => retentionStatus(ctx.db)),
});
