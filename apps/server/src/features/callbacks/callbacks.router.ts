import {
  assignCallbackSchema,
  callbackIdSchema,
  callbackRequestSchema,
  logAttemptSchema,
  openCaseFromCallbackSchema,
} from '@harbour/shared/callbacks';
import { previousContactsSchema } from '@harbour/shared/cases';
import { z } from 'zod';
import { staffActor } from '../../actor';
import { publicProcedure, requirePermission, router } from '../../trpc/init';
import {
  assignCallback,
  claimCallback,
  claimNextCallback,
  findWaitingForContact,
  listQueue,
  logAttempt,
  openCaseFromCallback,
  releaseCallback,
  reopenCallback,
  requestCallback,
  requestsForCase,
  teamOverview,
  viewCallback,
} from './callbacks.service';

export const callbacksRouter = router({
  // Anyone on the public website; the idempotency key, a honeypot and a per-address limit guard it.
  request: publicProcedure
    .input(callbackRequestSchema)
    .mutation(({ ctx, input }) => requestCallback(ctx.db, input, { requestId: ctx.requestId, clientIp: ctx.clientIp, now: ctx.now() })),

  queue: requirePermission('callbacks:work').query(({ ctx }) => listQueue(ctx.db, ctx.now())),

  byId: requirePermission('callbacks:work')
    .input(callbackIdSchema)
    .query(({ ctx, input }) => viewCallback(ctx.db, staffActor(ctx), input.id, ctx.now())),

  claim: requirePermission('callbacks:work')
    .input(callbackIdSchema)
    .mutation(({ ctx, input }) => claimCallback(ctx.db, staffActor(ctx), input.id, ctx.now())),

  claimNext: requirePermission('callbacks:work').mutation(({ ctx }) => claimNextCallback(ctx.db, staffActor(ctx), ctx.now())),

  // An adviser may put back their own claim; a team lead anyone's (checked in the service).
  release: requirePermission('callbacks:work')
    .input(callbackIdSchema)
    .mutation(({ ctx, input }) => releaseCallback(ctx.db, staffActor(ctx), input.id, ctx.now())),

  assign: requirePermission('callbacks:supervise')
    .input(assignCallbackSchema)
    .mutation(({ ctx, input }) => assignCallback(ctx.db, staffActor(ctx), input, ctx.now())),

  logAttempt: requirePermission('callbacks:work')
    .input(logAttemptSchema)
    .mutation(({ ctx, input }) => logAttempt(ctx.db, staffActor(ctx), input, ctx.now())),

  reopen: requirePermission('callbacks:supervise')
    .input(callbackIdSchema)
    .mutation(({ ctx, input }) => reopenCallback(ctx.db, staffActor(ctx), input.id, ctx.now())),

  openCase: requirePermission('cases:open')
    .input(openCaseFromCallbackSchema)
    .mutation(({ ctx, input }) => openCaseFromCallback(ctx.db, staffActor(ctx), input, ctx.now())),

  forCase: requirePermission('cases:read')
    .input(z.object({ caseId: z.uuid({ error: 'Unknown case' }) }))
    .query(({ ctx, input }) => requestsForCase(ctx.db, input.caseId)),

  // For "Log inbound call": is this caller already waiting for us to ring them?
  waitingForContact: requirePermission('callbacks:work')
    .input(previousContactsSchema)
    .query(({ ctx, input }) => findWaitingForContact(ctx.db, staffActor(ctx), input)),

  teamOverview: requirePermission('callbacks:supervise').query(({ ctx }) => teamOverview(ctx.db, ctx.now())),

  // Tells open queue screens that something changed; they fetch what they show.
  onChange: requirePermission('callbacks:work').subscription(async function* ({ ctx, signal }) {
    yield* ctx.changes.events('callbacks', signal);
  }),
});
