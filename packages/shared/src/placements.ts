import { z } from 'zod';
import { caseIdSchema } from './case-ids';
import { clinicIdSchema, lengthDaysSchema, programmeSchema, weeklyPriceSchema } from './clinics';
import { pastLondonDaySchema } from './london-day';
import { labelsOf, valuesOf } from './options';
import { recordIdSchema, recordVersionSchema } from './record-ids';
import { plainText } from './text';

// A placement: proposed to the client, confirmed with the clinic (the fee is worked out then and
// frozen), admitted, discharged, or cancelled on the way.

export const placementStatusOptions = [
  { value: 'proposed', label: 'Proposed' },
  { value: 'confirmed', label: 'Confirmed' },
  { value: 'admitted', label: 'Admitted' },
  { value: 'discharged', label: 'Discharged' },
  { value: 'cancelled', label: 'Cancelled' },
] as const;
export type PlacementStatus = (typeof placementStatusOptions)[number]['value'];
export const placementStatusLabels = labelsOf(placementStatusOptions);

export const dischargeOutcomeOptions = [
  { value: 'completed', label: 'Completed the programme' },
  { value: 'left_early', label: 'Left early' },
  { value: 'discharged_by_clinic', label: 'Discharged early by the clinic' },
  { value: 'transferred', label: 'Transferred to another service' },
] as const;
export type DischargeOutcome = (typeof dischargeOutcomeOptions)[number]['value'];
export const dischargeOutcomeLabels = labelsOf(dischargeOutcomeOptions);

export const placementIdSchema = recordIdSchema('placement');
const placementStep = { id: placementIdSchema, version: recordVersionSchema('placement') };

export const proposePlacementSchema = z.object({
  caseId: caseIdSchema,
  clinicId: clinicIdSchema,
  programme: programmeSchema,
  lengthDays: lengthDaysSchema,
  weeklyPricePence: weeklyPriceSchema('Weekly price'),
});
export type ProposePlacementInput = z.input<typeof proposePlacementSchema>;

export const confirmPlacementSchema = z.object(placementStep);

export const admitPlacementSchema = z.object({ ...placementStep, admittedOn: pastLondonDaySchema('Admission date') });
export type AdmitPlacementInput = z.input<typeof admitPlacementSchema>;

// That the discharge is not before the admission is the service's check: the admission is stored.
export const dischargePlacementSchema = z.object({
  ...placementStep,
  dischargedOn: pastLondonDaySchema('Discharge date'),
  outcome: z.enum(valuesOf(dischargeOutcomeOptions), { error: 'Choose how the placement ended' }),
});
export type DischargePlacementInput = z.input<typeof dischargePlacementSchema>;

export const cancelPlacementSchema = z.object({
  ...placementStep,
  reason: plainText('Reason', 500).min(1, 'Enter why the placement is cancelled'),
});
export type CancelPlacementInput = z.input<typeof cancelPlacementSchema>;
