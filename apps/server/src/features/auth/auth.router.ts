import { loginSchema } from '@harbour/shared/users';
import { authedProcedure, publicProcedure, router } from '../../trpc/init';
import { signIn, signOut } from './auth.service';

export const authRouter = router({
  // Anyone may try to sign in; a per-account lockout, a per-connection limit and one failure message guard it.
  login: publicProcedure.input(loginSchema).mutation(async ({ ctx, input }) => {
    const result = await signIn(ctx.db, input, {
      requestId: ctx.requestId,
      previousToken: ctx.sessionCookie.currentToken ?? undefined,
      clientIp: ctx.clientIp,
      now: ctx.now(),
    });
    ctx.sessionCookie.set(result.token, result.expiresAt);
    return result.user;
  }),

  // Anyone may sign out; with no live session there is nothing to end but the cookie.
  logout: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.user && ctx.sessionId) {
      await signOut(ctx.db, { sessionId: ctx.sessionId, userId: ctx.user.id, requestId: ctx.requestId });
    }
    ctx.sessionCookie.clear();
    return { signedOut: true as const };
  }),

  // Any signed-in member of staff: who am I, and what may I do.
  me: authedProcedure.query(({ ctx }) => ctx.user),
});
