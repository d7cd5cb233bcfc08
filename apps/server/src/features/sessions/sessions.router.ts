import { requirePermission, router } from '../../trpc/init';
import { countOtherSessions, signOutOtherSessions } from './sessions.service';

export const sessionsRouter = router({
  // Any member of staff, about their own sessions only.
  mine: requirePermission('account:self').query(({ ctx }) => countOtherSessions(ctx.db, { userId: ctx.user.id, sessionId: ctx.sessionId })),

  endOthers: requirePermission('account:self').mutation(({ ctx }) =>
    signOutOtherSessions(ctx.db, { userId: ctx.user.id, sessionId: ctx.sessionId, requestId: ctx.requestId }),
  ),
});
