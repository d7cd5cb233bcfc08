import { z } from 'zod';
import { caseIdSchema, caseVersionSchema } from './case-ids';
import { caseStages, stageLabels, type CaseStage } from './cases';
import { optionalPlainText } from './text';

// The case pipeline's rules, read by the server to refuse a move and by the screen to grey it
// out with the same words: enquiry -> assessment -> placement -> aftercare -> closed.

export const closureReasons = [
  { value: 'completed', label: 'Completed aftercare' },
  { value: 'unreachable', label: 'Unreachable' },
  { value: 'declined', label: 'Declined help' },
  { value: 'not_suitable', label: 'Not suitable for our service' },
  { value: 'funding_not_available', label: 'Funding not available' },
  { value: 'chose_another_provider', label: 'Chose another provider' },
  { value: 'referred_elsewhere', label: 'Referred elsewhere' },
  { value: 'duplicate', label: 'Duplicate case' },
  { value: 'other', label: 'Other (describe)' },
] as const;
export type ClosureReason = (typeof closureReasons)[number]['value'];

/** What the rules need to know about a case; the server reads it from the database. */
export interface StageFacts {
  stage: CaseStage;
  contactMade: boolean;
  consentsRecorded: boolean;
  /** Empty when the assessment is complete. */
  assessmentGaps: string[];
  fundingRouteSet: boolean;
  hasConfirmedPlacement: boolean;
  /** The step of the placement on the go, if any: it must end before the case closes. */
  activePlacement: 'proposed' | 'confirmed' | 'admitted' | null;
  placementDischarged: boolean;
  lastCheckInDone: boolean;
  /** A crisis whose action is not yet recorded: the case cannot close on it. */
  hasOpenCrisis: boolean;
}

export interface StageMove {
  to: CaseStage;
  closureReason?: ClosureReason;
  reason?: string;
}

export type MoveCheck = { allowed: true } | { allowed: false; why: string };

const order = (stage: CaseStage) => caseStages.indexOf(stage);
const refuse = (why: string): MoveCheck => ({ allowed: false, why });
const ALLOWED: MoveCheck = { allowed: true };

function forwardGuard(facts: StageFacts, to: CaseStage): MoveCheck {
  switch (to) {
    case 'assessment':
      if (!facts.contactMade) return refuse('No contact made yet: log a call that was answered');
      if (!facts.consentsRecorded) return refuse('Consents not recorded: the client must agree to contact and to us recording health information');
      return ALLOWED;
    case 'placement':
      if (facts.assessmentGaps.length > 0) return refuse(`Assessment not complete: ${facts.assessmentGaps.join('; ')}`);
      if (!facts.fundingRouteSet) return refuse('No funding route set in Finances');
      if (!facts.hasConfirmedPlacement) return refuse('No confirmed placement with a clinic yet');
      return ALLOWED;
    case 'aftercare':
      return facts.placementDischarged ? ALLOWED : refuse('The placement has not been discharged yet');
    default:
      return refuse(`A case cannot move to ${stageLabels[to]} this way`);
  }
}

/**
 * Whether this move is allowed now, and if not, why, in words for the adviser. Team leads
 * and managers (`canSupervise`) may also move a case back, reopen it, or close it from aftercare
 * before the last check-in, always with a reason.
 */
export function checkStageMove(facts: StageFacts, move: StageMove, canSupervise: boolean): MoveCheck {
  const { stage: from } = facts;
  const { to } = move;
  if (to === from) return refuse(`The case is already in ${stageLabels[to]}`);

  if (from === 'closed') {
    if (!canSupervise) return refuse('Only a team lead can reopen a closed case');
    return move.reason ? ALLOWED : refuse('Give a reason for reopening the case');
  }

  if (to === 'closed') {
    if (facts.hasOpenCrisis) return refuse('The crisis protocol is open: record what was done before closing the case');
    if (facts.activePlacement === 'admitted') return refuse('The client is at the clinic: record the discharge before closing the case');
    if (facts.activePlacement) return refuse('A placement is proposed or confirmed: cancel it before closing the case');
    if (!move.closureReason) return refuse('Choose why the case is closing');
    if (move.closureReason === 'other' && !move.reason) return refuse('Describe why the case is closing');
    if (move.closureReason === 'completed') {
      if (from !== 'aftercare') return refuse('Only a case in Aftercare can close as completed');
      if (facts.lastCheckInDone) return ALLOWED;
      if (!canSupervise) return refuse('The last aftercare check-in is not done yet; a team lead can decide to close');
      return move.reason ? ALLOWED : refuse('Give a reason for closing before the last check-in');
    }
    return ALLOWED;
  }

  if (order(to) < order(from)) {
    if (!canSupervise) return refuse('Only a team lead can move a case back a stage');
    if (facts.activePlacement === 'admitted') return refuse('The client is at the clinic: record the discharge before moving the case back');
    return move.reason ? ALLOWED : refuse('Give a reason for moving the case back');
  }

  if (order(to) > order(from) + 1) return refuse(`Move one stage at a time: next is ${stageLabels[caseStages[order(from) + 1]!]}`);
  return forwardGuard(facts, to);
}

/** Every stage a case could be moved to from where it is, each with whether it is allowed now. */
export function stageOptions(facts: StageFacts, canSupervise: boolean) {
  return caseStages
    .filter((stage) => stage !== facts.stage)
    .map((stage) => {
      // Closing is offered whenever a reason would allow it; the reason is asked for when chosen.
      const probe: StageMove =
        stage === 'closed' ? { to: stage, closureReason: 'other', reason: 'probe' } : { to: stage, reason: 'probe' };
      return { stage, check: checkStageMove(facts, probe, canSupervise) };
    });
}

export const moveStageSchema = z.object({
  id: caseIdSchema,
  to: z.enum(caseStages, { error: 'Choose a stage' }),
  version: caseVersionSchema,
  closureReason: z
    .enum(closureReasons.map((reason) => reason.value) as [ClosureReason, ...ClosureReason[]], { error: 'Choose why the case is closing' })
    .optional(),
  reason: optionalPlainText('Reason', 500),
});
export type MoveStageInput = z.input<typeof moveStageSchema>;
