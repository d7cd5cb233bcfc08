import { checkInListSchema, recordCheckInSchema, saveAftercarePlanSchema } from '@harbour/shared/aftercare';
import { staffActor } from '../../actor';
import { requirePermission, router } from '../../trpc/init';
import { listDueCheckIns, recordCheckIn, saveAftercarePlan } from './aftercare.service';

// The plan and check-ins change a case: `cases:change`, and the service lets advisers change
// only their own or unassigned cases. A case's aftercare is read with the case.
export const aftercareRouter = router({
  savePlan: requirePermission('cases:change')
    .input(saveAftercarePlanSchema)
    .mutation(({ ctx, input }) => saveAftercarePlan(ctx.db, staffActor(ctx), input, ctx.now())),

  recordCheckIn: requirePermission('cases:change')
    .input(recordCheckInSchema)
    .mutation(({ ctx, input }) => recordCheckIn(ctx.db, staffActor(ctx), input, ctx.now())),

  dueCheckIns: requirePermission('cases:read')
    .input(checkInListSchema)
    .query(({ ctx, input }) => listDueCheckIns(ctx.db, staffActor(ctx), input, ctx.now())),
});
