import { subjectSchema } from '@harbour/shared/privacy';
import express from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { staffForDownload } from '../../http/download-staff';
import { subjectAccess } from './privacy.service';

// A subject-access answer as a file: GET /api/privacy/subject-access/H-2026-00042.json, with
// ?also=H-2026-00007,H-2026-00019 for the other cases the manager chose to include. Built in
// memory: one person's record is small, and a half-sent answer would be worse than none.
export function privacyDownloads({ db, isProduction, now = () => new Date() }: { db: Kysely<Database>; isProduction: boolean; now?: () => Date }) {
  const routes = express.Router();

  routes.get('/privacy/subject-access/:file', async (req, res, next) => {
    const match = /^(.+)\.json$/.exec(req.params.file);
    if (!match) {
      next();
      return;
    }
    try {
      const manager = await staffForDownload(db, req, res, {
        isProduction,
        permission: 'privacy:manage',
        signInMessage: 'Sign in to Harbour to download a subject-access answer.',
        refusal: 'Only managers can answer subject-access requests.',
      });
      if (!manager) return;
      const also = typeof req.query.also === 'string' && req.query.also ? req.query.also.split(',') : [];
      const parsed = subjectSchema.safeParse({ reference: match[1], alsoInclude: also });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        res.status(400).json({ error: issue?.message ?? 'Check the case reference', field: issue?.path.join('.') || 'reference' });
        return;
      }
      const report = await subjectAccess(db, manager.actor, parsed.data, 'json', now());
      res.set({
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="harbour-subject-access-${parsed.data.reference}.json"`,
      });
      res.send(JSON.stringify(report, null, 2));
    } catch (error) {
      // The service's refusals (no such case, a stranger's case) are written for the manager.
      if (error instanceof Error && 'code' in error && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) {
        res.status(error.code === 'NOT_FOUND' ? 404 : 400).json({ error: error.message });
        return;
      }
      next(error);
    }
  });

  return routes;
}
