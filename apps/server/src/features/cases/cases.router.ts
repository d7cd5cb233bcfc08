import { caseReferenceSchema, inboundCallSchema, previousContactsSchema } from '@harbour/shared/cases';
import { staffActor } from '../../actor';
import { requirePermission, router } from '../../trpc/init';
import { lookUpPreviousContacts, openFromInboundCall, viewCase } from './cases.service';

export const casesRouter = router({
  byReference: requirePermission('cases:read')
    .input(caseReferenceSchema)
    .query(({ ctx, input }) => viewCase(ctx.db, staffActor(ctx), input.reference)),

  previousContacts: requirePermission('cases:open')
    .input(previousContactsSchema)
    .query(({ ctx, input }) => lookUpPreviousContacts(ctx.db, staffActor(ctx), input)),

  openFromInboundCall: requirePermission('cases:open')
    .input(inboundCallSchema)
    .mutation(({ ctx, input }) => openFromInboundCall(ctx.db, staffActor(ctx), input, ctx.now())),
});
