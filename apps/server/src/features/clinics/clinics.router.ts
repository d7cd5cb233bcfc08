import { clinicIdSchema, clinicInputSchema, clinicListSchema, confirmBedsSchema, matchSchema, updateClinicSchema } from '@harbour/shared/clinics';
import { z } from 'zod';
import { staffActor } from '../../actor';
import { requirePermission, router } from '../../trpc/init';
import { matchClinicsForCase } from './clinic-matching.service';
import { clinicById, confirmBeds, createClinic, listClinics, updateClinic } from './clinics.service';

// Everyone on shift reads the directory and may confirm free beds after ringing a clinic;
// only managers add clinics or change their terms.
export const clinicsRouter = router({
  list: requirePermission('cases:read')
    .input(clinicListSchema)
    .query(({ ctx, input }) => listClinics(ctx.db, input)),

  byId: requirePermission('cases:read')
    .input(z.object({ id: clinicIdSchema }))
    .query(({ ctx, input }) => clinicById(ctx.db, input.id)),

  create: requirePermission('clinics:manage')
    .input(clinicInputSchema)
    .mutation(({ ctx, input }) => createClinic(ctx.db, staffActor(ctx), input, ctx.now())),

  update: requirePermission('clinics:manage')
    .input(updateClinicSchema)
    .mutation(({ ctx, input }) => updateClinic(ctx.db, staffActor(ctx), input, ctx.now())),

  confirmBeds: requirePermission('cases:read')
    .input(confirmBedsSchema)
    .mutation(({ ctx, input }) => confirmBeds(ctx.db, staffActor(ctx), input, ctx.now())),

  match: requirePermission('cases:read')
    .input(matchSchema)
    .query(({ ctx, input }) => matchClinicsForCase(ctx.db, staffActor(ctx), input, ctx.now())),
});
