import { placementReportPageSchema } from '@harbour/shared/reports';
import { staffActor } from '../../actor';
import type { Context } from '../../trpc/context';
import { requirePermission, router } from '../../trpc/init';
import { serviceDashboard, shiftDashboard, viewPlacementReport, type ReportDatabases } from './reports.service';

/** Reads from the read replica when there is one; the audit trail is written to the primary. */
const reportDatabases = (ctx: Pick<Context, 'db' | 'reportDb'>): ReportDatabases => ({ db: ctx.db, reportDb: ctx.reportDb ?? ctx.db });

// Reports on screen, for team leads and managers. The downloads are plain GETs (reports.http.ts)
// so a browser saves them as files.
export const reportsRouter = router({
  placements: requirePermission('reports:read')
    .input(placementReportPageSchema)
    .query(({ ctx, input }) => viewPlacementReport(reportDatabases(ctx), staffActor(ctx), input.filters, input.page)),

  // Counts and money only: nobody's details.
  service: requirePermission('reports:read').query(({ ctx }) => serviceDashboard(reportDatabases(ctx).reportDb, ctx.now())),

  // Stale cases by reference, so who saw them is recorded.
  shift: requirePermission('reports:read').query(({ ctx }) => shiftDashboard(reportDatabases(ctx), staffActor(ctx), ctx.now())),
});
