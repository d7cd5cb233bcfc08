import {
  admitPlacementSchema,
  cancelPlacementSchema,
  confirmPlacementSchema,
  dischargePlacementSchema,
  proposePlacementSchema,
} from '@harbour/shared/placements';
import { staffActor } from '../../actor';
import { requirePermission, router } from '../../trpc/init';
import { admitPlacement, cancelPlacement, confirmPlacement, dischargePlacement, proposePlacement } from './placements.service';

// Each step changes a case, so it needs `cases:change`, and the service lets advisers take steps
// only on their own or unassigned cases. A case's placements are read with the case.
export const placementsRouter = router({
  propose: requirePermission('cases:change')
    .input(proposePlacementSchema)
    .mutation(({ ctx, input }) => proposePlacement(ctx.db, staffActor(ctx), input, ctx.now())),

  confirm: requirePermission('cases:change')
    .input(confirmPlacementSchema)
    .mutation(({ ctx, input }) => confirmPlacement(ctx.db, staffActor(ctx), input, ctx.now())),

  admit: requirePermission('cases:change')
    .input(admitPlacementSchema)
    .mutation(({ ctx, input }) => admitPlacement(ctx.db, staffActor(ctx), input, ctx.now())),

  discharge: requirePermission('cases:change')
    .input(dischargePlacementSchema)
    .mutation(({ ctx, input }) => dischargePlacement(ctx.db, staffActor(ctx), input, ctx.now())),

  cancel: requirePermission('cases:change')
    .input(cancelPlacementSchema)
    .mutation(({ ctx, input }) => cancelPlacement(ctx.db, staffActor(ctx), input, ctx.now())),
});
