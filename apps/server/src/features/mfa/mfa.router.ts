import { confirmEnrolmentSchema, currentCodeSchema } from '@harbour/shared/two-step';
import { enrolmentProcedure, requirePermission, router } from '../../trpc/init';
import { confirmEnrolment, regenerateRecoveryCodes, startEnrolment, turnOffTwoStep, twoStepStatus } from './mfa.service';

export const mfaRouter = router({
  // Any signed-in member of staff, including a manager who must set it up before anything else.
  status: enrolmentProcedure.query(({ ctx }) => twoStepStatus(ctx.db, ctx.user)),

  // Any signed-in member of staff, for their own account only; likewise open to a manager who must set it up.
  startEnrolment: enrolmentProcedure.mutation(({ ctx }) => startEnrolment(ctx.db, ctx.user)),

  confirmEnrolment: enrolmentProcedure
    .input(confirmEnrolmentSchema)
    .mutation(({ ctx, input }) => confirmEnrolment(ctx.db, { userId: ctx.user.id, requestId: ctx.requestId }, input, ctx.now())),

  // Any member of staff with it on, for their own account, with a current code.
  regenerateRecoveryCodes: requirePermission('account:self')
    .input(currentCodeSchema)
    .mutation(({ ctx, input }) => regenerateRecoveryCodes(ctx.db, { userId: ctx.user.id, requestId: ctx.requestId, clientIp: ctx.clientIp }, input, ctx.now())),

  // Any member of staff but a manager, for their own account, with a current code.
  turnOff: requirePermission('account:self')
    .input(currentCodeSchema)
    .mutation(({ ctx, input }) => turnOffTwoStep(ctx.db, { userId: ctx.user.id, role: ctx.user.role, requestId: ctx.requestId, clientIp: ctx.clientIp }, input, ctx.now())),
});
