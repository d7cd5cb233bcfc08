import { caseIdSchema } from '@harbour/shared/case-ids';
import { boardColumnSchema, boardFiltersSchema, metricsSchema } from '@harbour/shared/pipeline';
import { z } from 'zod';
import { staffActor } from '../../actor';
import { requirePermission, router } from '../../trpc/init';
import { moveOptions, pipelineMetrics, viewBoard, viewBoardColumn } from './pipeline.service';

// The board is the team lead's view of the whole shift; moves and reassignments on it go
// through cases.moveStage and cases.assign, with the same rules as on the case page.
export const pipelineRouter = router({
  board: requirePermission('cases:supervise')
    .input(boardFiltersSchema)
    .query(({ ctx, input }) => viewBoard(ctx.db, staffActor(ctx), input, ctx.now())),

  column: requirePermission('cases:supervise')
    .input(boardColumnSchema)
    .query(({ ctx, input }) => viewBoardColumn(ctx.db, staffActor(ctx), input, ctx.now())),

  // Counts only, no one's details: team leads and managers.
  metrics: requirePermission('cases:supervise')
    .input(metricsSchema)
    .query(({ ctx, input }) => pipelineMetrics(ctx.db, input, ctx.now())),

  moveOptions: requirePermission('cases:read')
    .input(z.object({ id: caseIdSchema }))
    .query(({ ctx, input }) => moveOptions(ctx.db, staffActor(ctx), input.id)),
});
