import type { CaseStage } from '@harbour/shared/cases';
import type { RouterOutputs } from '../../lib/trpc';
import type { BoardCard, BoardData } from './use-board';

type MoveOptions = RouterOutputs['pipeline']['moveOptions'];

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

let next = 1;

/** A card as pipeline.board sends it: an assessed case with Amira Shah, due a call tomorrow. */
export function boardCard(overrides: Partial<BoardCard> = {}): BoardCard {
  const number = next++;
  return {
    id: `00000000-0000-4000-8000-${String(number).padStart(12, '0')}`,
    version: 3,
    reference: `H-2027-${String(number).padStart(5, '0')}`,
    clientName: 'Jordan Ellis',
    callerName: 'Sam Ellis',
    stage: 'enquiry',
    stageChangedAt: hoursAgo(50),
    assignedAdviserId: '11111111-1111-4111-8111-111111111111',
    assignedAdviserName: 'Amira Shah',
    riskLevel: 'medium',
    severity: 'moderate',
    isDualDiagnosis: false,
    primarySubstance: 'alcohol',
    region: 'north_west',
    nextAction: 'Call back about detox options',
    nextActionDueAt: new Date(Date.now() + 26 * 3_600_000),
    closureReason: null,
    ...overrides,
  };
}

/** A board with these cards in their stages; counts are the cards given unless said otherwise. */
export function boardOf(cards: BoardCard[], options: { counts?: Partial<Record<CaseStage, number>>; hasNextPage?: CaseStage[] } = {}): BoardData {
  const stages: CaseStage[] = ['enquiry', 'assessment', 'placement', 'aftercare', 'closed'];
  const inStage = (stage: CaseStage) => cards.filter((card) => card.stage === stage);
  return {
    counts: Object.fromEntries(stages.map((stage) => [stage, options.counts?.[stage] ?? inStage(stage).length])) as BoardData['counts'],
    columns: Object.fromEntries(
      stages.map((stage) => [stage, { cards: inStage(stage), hasNextPage: options.hasNextPage?.includes(stage) ?? false }]),
    ) as BoardData['columns'],
  };
}

/** Where an assessed case can go: back to enquiry or closed, not on until the assessment is done. */
export function assessmentMoveOptions(card: BoardCard): MoveOptions {
  return {
    version: card.version,
    stage: 'assessment',
    options: [
      { stage: 'enquiry', check: { allowed: true } },
      { stage: 'placement', check: { allowed: false, why: 'Assessment not complete: risk screen not answered' } },
      { stage: 'aftercare', check: { allowed: false, why: 'Move one stage at a time: next is Placement' } },
      { stage: 'closed', check: { allowed: true } },
    ],
  };
}

export const staff = [
  { id: '11111111-1111-4111-8111-111111111111', fullName: 'Amira Shah', role: 'adviser' as const },
  { id: '22222222-2222-4222-8222-222222222222', fullName: 'Tom Price', role: 'adviser' as const },
  { id: '33333333-3333-4333-8333-333333333333', fullName: 'Nia Evans', role: 'team_lead' as const },
];
