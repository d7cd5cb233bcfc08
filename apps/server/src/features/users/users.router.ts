import { changePasswordSchema, createUserSchema, resetPasswordSchema, updateUserSchema } from '@harbour/shared/users';
import { staffMemberSchema } from '@harbour/shared/two-step';
import { requirePermission, router } from '../../trpc/init';
import { resetStaffTwoStep, staffSecurityOverview } from '../mfa/mfa.service';
import { endStaffSessions } from '../sessions/sessions.service';
import { changeOwnPassword, createStaffMember, listActiveStaff, listStaff, resetStaffPassword, updateStaffAccess } from './users.service';

export const usersRouter = router({
  list: requirePermission('users:manage').query(({ ctx }) => listStaff(ctx.db)),

  // For choosing who takes a piece of work.
  // Names and roles only: everyone on shift picks and filters by colleague.
  listActive: requirePermission('cases:read').query(({ ctx }) => listActiveStaff(ctx.db)),

  create: requirePermission('users:manage')
    .input(createUserSchema)
    .mutation(({ ctx, input }) => createStaffMember(ctx.db, { userId: ctx.user.id, requestId: ctx.requestId }, input)),

  update: requirePermission('users:manage')
    .input(updateUserSchema)
    .mutation(({ ctx, input }) => updateStaffAccess(ctx.db, { userId: ctx.user.id, requestId: ctx.requestId }, input)),

  resetPassword: requirePermission('users:manage')
    .input(resetPasswordSchema)
    .mutation(({ ctx, input }) => resetStaffPassword(ctx.db, { userId: ctx.user.id, requestId: ctx.requestId }, input)),

  changeOwnPassword: requirePermission('account:self')
    .input(changePasswordSchema)
    .mutation(({ ctx, input }) =>
      changeOwnPassword(ctx.db, { userId: ctx.user.id, requestId: ctx.requestId, sessionId: ctx.sessionId }, input),
    ),

  // Managers: who has two-step sign-in on and how many live sessions each colleague has.
  securityOverview: requirePermission('users:manage').query(({ ctx }) => staffSecurityOverview(ctx.db)),

  endSessions: requirePermission('users:manage')
    .input(staffMemberSchema)
    .mutation(({ ctx, input }) => endStaffSessions(ctx.db, { userId: ctx.user.id, requestId: ctx.requestId }, input)),

  resetTwoStep: requirePermission('users:manage')
    .input(staffMemberSchema)
    .mutation(({ ctx, input }) => resetStaffTwoStep(ctx.db, { userId: ctx.user.id, requestId: ctx.requestId }, input)),
});
