import { aftercareRouter } from '../features/aftercare/aftercare.router';
import { authRouter } from '../features/auth/auth.router';
import { callbacksRouter } from '../features/callbacks/callbacks.router';
import { casesRouter } from '../features/cases/cases.router';
import { clinicsRouter } from '../features/clinics/clinics.router';
import { mfaRouter } from '../features/mfa/mfa.router';
import { pipelineRouter } from '../features/pipeline/pipeline.router';
import { placementsRouter } from '../features/placements/placements.router';
import { privacyRouter } from '../features/privacy/privacy.router';
import { reportsRouter } from '../features/reports/reports.router';
import { sessionsRouter } from '../features/sessions/sessions.router';
import { usersRouter } from '../features/users/users.router';
import { worklistRouter } from '../features/worklist/worklist.router';
import { createCallerFactory, router } from './init';

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  mfa: mfaRouter,
  sessions: sessionsRouter,
  callbacks: callbacksRouter,
  cases: casesRouter,
  clinics: clinicsRouter,
  placements: placementsRouter,
  aftercare: aftercareRouter,
  pipeline: pipelineRouter,
  worklist: worklistRouter,
  reports: reportsRouter,
  privacy: privacyRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
