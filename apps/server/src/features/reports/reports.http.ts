import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { periodTextOf, placementReportFiltersSchema, type PlacementReportFilters } from '@harbour/shared/reports';
import express, { type Request, type Response } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { staffForDownload } from '../../http/download-staff';
import { writePlacementReportXlsx } from './placement-report-xlsx';
import { writePlacementSummaryPdf } from './placement-summary-pdf';
import { exportPlacementCsv, exportPlacementRows, placementSummary, type ExportFormat, type ReportDatabases } from './reports.service';

// The placement report as files: GET /api/reports/placements.csv|xlsx|pdf with the screen's
// filters as query parameters. Plain GETs rather than tRPC, so the browser saves what arrives
// as a file and nothing is held in memory on either side.

const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

const isExportFormat = (value: string): value is ExportFormat => value in contentTypes;

/** The signed-in member of staff who may download reports; otherwise the refusal is sent and null returned. */
function exporterOf(db: Kysely<Database>, req: Request, res: Response, isProduction: boolean) {
  return staffForDownload(db, req, res, {
    isProduction,
    permission: 'reports:export',
    signInMessage: 'Sign in to Harbour to download reports.',
    refusal: 'Only managers can download reports.',
  });
}

function filtersOf(req: Request, res: Response): PlacementReportFilters | null {
  const parsed = placementReportFiltersSchema.safeParse(req.query);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[issue.path.join('.') || 'filters'] ??= issue.message;
  res.status(400).json({ error: Object.values(fieldErrors)[0], fieldErrors });
  return null;
}

/** `reportDb` is where the reports read (the read replica, when there is one); `db` the primary. */
export function reportDownloads({
  db,
  reportDb = db,
  isProduction,
  now = () => new Date(),
}: {
  db: Kysely<Database>;
  reportDb?: Kysely<Database>;
  isProduction: boolean;
  now?: () => Date;
}) {
  const routes = express.Router();
  const databases: ReportDatabases = { db, reportDb };

  routes.get('/reports/placements.:format', async (req, res, next) => {
    const format = req.params.format;
    if (!isExportFormat(format)) {
      next();
      return;
    }
    try {
      const exporter = await exporterOf(db, req, res, isProduction);
      if (!exporter) return;
      const filters = filtersOf(req, res);
      if (!filters) return;

      const fileName = `harbour-placements-${filters.from}-to-${filters.to}.${format}`;
      res.set({ 'Content-Type': contentTypes[format], 'Content-Disposition': `attachment; filename="${fileName}"` });
      if (format === 'pdf') {
        const summary = await placementSummary(databases, { ...exporter.actor, fullName: exporter.fullName }, filters, now());
        await writePlacementSummaryPdf(summary, res);
      } else if (format === 'csv') {
        const download = await exportPlacementCsv(databases, exporter.actor, filters);
        try {
          // pipeline writes no faster than the client reads: a slow one holds COPY back, not memory.
          await pipeline(Readable.from(download.body), res);
        } catch (error) {
          await download.finish(error);
          throw error;
        }
        await download.finish();
      } else {
        const rows = await exportPlacementRows(databases, exporter.actor, filters);
        await writePlacementReportXlsx(rows, res, periodTextOf(filters));
      }
    } catch (error) {
      if (!res.headersSent) {
        res.removeHeader('Content-Disposition');
        next(error);
        return;
      }
      // Half a file has gone: end the connection so the browser reports a failed download
      // rather than saving a file that looks whole.
      req.log.error({ err: error }, 'report download failed');
      res.destroy();
    }
  });

  return routes;
}
