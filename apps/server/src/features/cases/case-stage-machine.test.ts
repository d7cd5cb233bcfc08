import type { CaseStage } from '@harbour/shared/cases';
import type { MoveStageInput } from '@harbour/shared/stages';
import { describe, expect, it } from 'vitest';
import { JULY_MORNING, openCase } from '../../test/cases';
import { addClinic, assessedCase } from '../../test/clinics';
import { callerFor, createUser, type TestUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';

const db = useTestDatabase();

/** A case brought to `stage` the way the screens bring it there; returns its id. */
async function caseIn(stage: CaseStage, adviser: TestUser, manager: TestUser): Promise<string> {
  const caller = callerFor(db(), adviser, { now: JULY_MORNING });
  if (stage === 'enquiry' || stage === 'closed') {
    const { id } = await openCase(db(), adviser, {}, JULY_MORNING);
    if (stage === 'closed') await caller.cases.moveStage({ id, version: 1, to: 'closed', closureReason: 'declined' });
    return id;
  }
  const id = await assessedCase(db(), adviser);
  if (stage === 'assessment') return id;
  const clinic = await addClinic(db(), manager);
  const proposed = await caller.placements.propose({ caseId: id, clinicId: clinic.id, programme: 'residential_rehab', lengthDays: 28, weeklyPricePence: 350_000 });
  const confirmed = await caller.placements.confirm(proposed);
  const admitted = await caller.placements.admit({ id: proposed.id, version: confirmed.version, admittedOn: '2026-07-14' });
  if (stage === 'aftercare') await caller.placements.discharge({ id: proposed.id, version: admitted.version, dischargedOn: '2026-07-14', outcome: 'completed' });
  return id;
}

type Row = [from: CaseStage, to: CaseStage, who: 'adviser' | 'team lead', move: Partial<MoveStageInput>, expected: string];

const ALLOWED = 'allowed';
const ONLY_LEAD_BACK = 'Only a team lead can move a case back a stage';
const ONLY_LEAD_REOPEN = 'Only a team lead can reopen a closed case';
const WHY = { reason: 'Agreed with the client on the call' };

// Every move out of every stage, for an adviser and for a team lead, as the server answers it.
const rows: Row[] = [
  ['enquiry', 'assessment', 'adviser', {}, ALLOWED],
  ['enquiry', 'placement', 'team lead', WHY, 'Move one stage at a time: next is Assessment'],
  ['enquiry', 'aftercare', 'adviser', {}, 'Move one stage at a time: next is Assessment'],
  ['enquiry', 'closed', 'adviser', { closureReason: 'unreachable' }, ALLOWED],
  ['enquiry', 'closed', 'adviser', { closureReason: 'other' }, 'Describe why the case is closing'],
  ['assessment', 'enquiry', 'adviser', WHY, ONLY_LEAD_BACK],
  ['assessment', 'enquiry', 'team lead', {}, 'Give a reason for moving the case back'],
  ['assessment', 'enquiry', 'team lead', WHY, ALLOWED],
  ['assessment', 'placement', 'team lead', WHY, 'No confirmed placement with a clinic yet'],
  ['assessment', 'aftercare', 'adviser', {}, 'Move one stage at a time: next is Placement'],
  ['assessment', 'closed', 'adviser', { closureReason: 'funding_not_available' }, ALLOWED],
  ['assessment', 'closed', 'adviser', { closureReason: 'completed' }, 'Only a case in Aftercare can close as completed'],
  ['placement', 'assessment', 'adviser', WHY, ONLY_LEAD_BACK],
  ['placement', 'assessment', 'team lead', WHY, 'The client is at the clinic: record the discharge before moving the case back'],
  ['placement', 'aftercare', 'adviser', {}, 'The placement has not been discharged yet'],
  ['placement', 'closed', 'team lead', { closureReason: 'other', reason: 'Left' }, 'The client is at the clinic: record the discharge before closing the case'],
  ['aftercare', 'placement', 'adviser', WHY, ONLY_LEAD_BACK],
  ['aftercare', 'assessment', 'team lead', WHY, ALLOWED],
  ['aftercare', 'closed', 'adviser', { closureReason: 'completed' }, 'The last aftercare check-in is not done yet; a team lead can decide to close'],
  ['aftercare', 'closed', 'team lead', { closureReason: 'completed' }, 'Give a reason for closing before the last check-in'],
  ['aftercare', 'closed', 'team lead', { closureReason: 'completed', ...WHY }, ALLOWED],
  ['closed', 'enquiry', 'adviser', WHY, ONLY_LEAD_REOPEN],
  ['closed', 'assessment', 'team lead', {}, 'Give a reason for reopening the case'],
  ['closed', 'assessment', 'team lead', WHY, ALLOWED],
];

describe('the stage machine, as the server enforces it', () => {
  it.each(rows)('%s to %s by %s %o: %s', async (from, to, who, move, expected) => {
    const adviser = await createUser(db(), { fullName: 'Amira Shah' });
    const manager = await createUser(db(), { role: 'manager' });
    const lead = await createUser(db(), { role: 'team_lead', fullName: 'Tom Price' });
    const id = await caseIn(from, adviser, manager);
    const before = await db().selectFrom('cases').select(['stage', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(before.stage).toBe(from);
    const mover = callerFor(db(), who === 'adviser' ? adviser : lead, { now: JULY_MORNING });
    const attempt = mover.cases.moveStage({ id, version: before.version, to, ...move });
    if (expected === ALLOWED) {
      await attempt;
      const after = await db().selectFrom('cases').select('stage').where('id', '=', id).executeTakeFirstOrThrow();
      expect(after.stage).toBe(to);
      // The history: from, to, who and why.
      const history = await mover.cases.timeline({ id });
      const moved = history.find((entry) => entry.type === 'event' && entry.kind === 'stage_moved' && entry.details.from === from && entry.details.to === to);
      expect(moved).toMatchObject({ actorName: who === 'adviser' ? 'Amira Shah' : 'Tom Price', details: { from, to } });
      if (move.reason) expect(moved).toMatchObject({ details: { reason: move.reason } });
    } else {
      const refused = await rejectionOf(attempt);
      expect(refused).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { to: expected } });
      const after = await db().selectFrom('cases').select(['stage', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(after).toEqual(before);
    }
  });
});
