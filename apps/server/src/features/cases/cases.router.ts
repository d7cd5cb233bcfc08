import { assessmentSchema, updateFinancesSchema } from '@harbour/shared/assessment';
import { caseIdSchema } from '@harbour/shared/case-ids';
import {
  addNoteSchema,
  assignCaseSchema,
  caseListSchema,
  caseSearchSchema,
  pinNoteSchema,
  recordCrisisActionSchema,
  recordHealthDataConsentSchema,
  setNextActionSchema,
  updateContactSchema,
} from '@harbour/shared/case-record';
import { caseReferenceSchema, inboundCallSchema, previousContactsSchema } from '@harbour/shared/cases';
import { moveStageSchema } from '@harbour/shared/stages';
import { z } from 'zod';
import { staffActor } from '../../actor';
import { requirePermission, router } from '../../trpc/init';
import { assignCase, moveStage, recordHealthDataConsent, setNextAction, updateAssessment, updateContact, updateFinances } from './case-changes.service';
import { listCases, searchCases } from './case-list.service';
import { addNote, caseTimeline, pinNote } from './case-notes.service';
import { lookUpPreviousContacts, openFromInboundCall, viewCase } from './cases.service';
import { listOpenCrises, raiseCrisisOnCase, recordCrisisAction } from './crises.service';

const caseId = z.object({ id: caseIdSchema });

// Everyone on shift reads every case: a 24-hour line needs whoever answers to see the history.
// Changes need `cases:change`, and the service lets advisers change only their own or
// unassigned cases. Notes and the crisis record are open to anyone on shift: they add to a
// case without overwriting anything, and whoever takes the call must be able to write them.
export const casesRouter = router({
  byReference: requirePermission('cases:read')
    .input(caseReferenceSchema)
    .query(({ ctx, input }) => viewCase(ctx.db, staffActor(ctx), input.reference)),

  list: requirePermission('cases:read')
    .input(caseListSchema)
    .query(({ ctx, input }) => listCases(ctx.db, staffActor(ctx), input)),

  search: requirePermission('cases:read')
    .input(caseSearchSchema)
    .query(({ ctx, input }) => searchCases(ctx.db, staffActor(ctx), input.query)),

  timeline: requirePermission('cases:read')
    .input(caseId)
    .query(({ ctx, input }) => caseTimeline(ctx.db, staffActor(ctx), input.id)),

  previousContacts: requirePermission('cases:open')
    .input(previousContactsSchema)
    .query(({ ctx, input }) => lookUpPreviousContacts(ctx.db, staffActor(ctx), input)),

  openFromInboundCall: requirePermission('cases:open')
    .input(inboundCallSchema)
    .mutation(({ ctx, input }) => openFromInboundCall(ctx.db, staffActor(ctx), input, ctx.now())),

  updateContact: requirePermission('cases:change')
    .input(updateContactSchema)
    .mutation(({ ctx, input }) => updateContact(ctx.db, staffActor(ctx), input, ctx.now())),

  recordHealthDataConsent: requirePermission('cases:change')
    .input(recordHealthDataConsentSchema)
    .mutation(({ ctx, input }) => recordHealthDataConsent(ctx.db, staffActor(ctx), input, ctx.now())),

  updateAssessment: requirePermission('cases:change')
    .input(assessmentSchema)
    .mutation(({ ctx, input }) => updateAssessment(ctx.db, staffActor(ctx), input, ctx.now())),

  updateFinances: requirePermission('cases:change')
    .input(updateFinancesSchema)
    .mutation(({ ctx, input }) => updateFinances(ctx.db, staffActor(ctx), input, ctx.now())),

  setNextAction: requirePermission('cases:change')
    .input(setNextActionSchema)
    .mutation(({ ctx, input }) => setNextAction(ctx.db, staffActor(ctx), input, ctx.now())),

  assign: requirePermission('cases:change')
    .input(assignCaseSchema)
    .mutation(({ ctx, input }) => assignCase(ctx.db, staffActor(ctx), input, ctx.now())),

  moveStage: requirePermission('cases:change')
    .input(moveStageSchema)
    .mutation(({ ctx, input }) => moveStage(ctx.db, staffActor(ctx), input, ctx.now())),

  addNote: requirePermission('cases:read')
    .input(addNoteSchema)
    .mutation(({ ctx, input }) => addNote(ctx.db, staffActor(ctx), input, ctx.now())),

  pinNote: requirePermission('cases:read')
    .input(pinNoteSchema)
    .mutation(({ ctx, input }) => pinNote(ctx.db, staffActor(ctx), input)),

  raiseCrisis: requirePermission('cases:read')
    .input(caseId)
    .mutation(({ ctx, input }) => raiseCrisisOnCase(ctx.db, staffActor(ctx), input.id, ctx.now())),

  recordCrisisAction: requirePermission('cases:read')
    .input(recordCrisisActionSchema)
    .mutation(({ ctx, input }) => recordCrisisAction(ctx.db, staffActor(ctx), input, ctx.now())),

  openCrises: requirePermission('cases:supervise').query(({ ctx }) => listOpenCrises(ctx.db, staffActor(ctx))),

  // Tells an open case page that the case changed, so it can say so before anyone saves.
  onChange: requirePermission('cases:read').subscription(async function* ({ ctx, signal }) {
    yield* ctx.changes.events('cases', signal);
  }),

  // Every team lead's screen hears of a crisis the moment it is raised or resolved.
  onCrisis: requirePermission('cases:supervise').subscription(async function* ({ ctx, signal }) {
    yield* ctx.changes.events('crises', signal);
  }),
});
