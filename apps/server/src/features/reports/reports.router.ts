import { placementReportPageSchema } from '@harbour/shared/reports';
import { staffActor } from '../../actor';
import { requirePermission, router } from '../../trpc/init';
import { serviceDashboard, shiftDashboard, viewPlacementReport } from './reports.service';

// Reports on screen, for team leads and managers. The downloads are plain GETs (reports.http.ts)
// so a browser saves them as files.
export const reportsRouter = router({
  placements: requirePermission('reports:read')
    .input(placementReportPageSchema)
    .query(({ ctx, input }) => viewPlacementReport(ctx.db, staffActor(ctx), input.filters, input.page)),

  // Counts and money only: nobody's details.
  service: requirePermission('reports:read').query(({ ctx }) => serviceDashboard(ctx.db, ctx.now())),

  // Stale cases by reference, so who saw them is recorded.
  shift: requirePermission('reports:read').query(({ ctx }) => shiftDashboard(ctx.db, staffActor(ctx), ctx.now())),
});
