import { verifySignInCodeSchema } from '@harbour/shared/two-step';
import { loginSchema } from '@harbour/shared/users';
import { enrolmentProcedure, publicProcedure, router } from '../../trpc/init';
import { signIn, signOut, verifySignInCode, type SignInResult } from './auth.service';
import type { Context } from '../../trpc/context';

/** Sets the cookie when a session began; the token itself never goes back in the body. */
function answerTo(ctx: Context, result: SignInResult) {
  if (result.status === 'code_needed') return { status: 'code_needed' as const, pendingToken: result.pendingToken, expiresAt: result.expiresAt };
  ctx.sessionCookie.set(result.token, result.expiresAt);
  return { status: 'signed_in' as const, user: result.user };
}

const requestOf = (ctx: Context) => ({
  requestId: ctx.requestId,
  previousToken: ctx.sessionCookie.currentToken ?? undefined,
  clientIp: ctx.clientIp,
  now: ctx.now(),
});

export const authRouter = router({
  // Anyone may try to sign in; a per-account lockout, a per-connection limit and one failure message guard it.
  login: publicProcedure.input(loginSchema).mutation(async ({ ctx, input }) => answerTo(ctx, await signIn(ctx.db, input, requestOf(ctx)))),

  // Anyone holding a pending sign-in (a right password) may give its code; the same limits guard it.
  verifyCode: publicProcedure
    .input(verifySignInCodeSchema)
    .mutation(async ({ ctx, input }) => answerTo(ctx, await verifySignInCode(ctx.db, input, requestOf(ctx)))),

  // Anyone may sign out; with no live session there is nothing to end but the cookie.
  logout: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.user && ctx.sessionId) {
      await signOut(ctx.db, { sessionId: ctx.sessionId, userId: ctx.user.id, requestId: ctx.requestId });
    }
    ctx.sessionCookie.clear();
    return { signedOut: true as const };
  }),

  // Any signed-in member of staff, even a manager yet to set up two-step sign-in: who am I, and what may I do.
  me: enrolmentProcedure.query(({ ctx }) => ({ ...ctx.user, mustSetUpTwoStep: ctx.user.mustSetUpTwoStep === true })),
});
