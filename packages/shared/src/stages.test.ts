import { describe, expect, it } from 'vitest';
import type { CaseStage } from './cases';
import { checkStageMove, closureReasons, moveStageSchema, stageOptions, type MoveCheck, type StageFacts, type StageMove } from './stages';

/** A case for which every fact a forward move asks about is already true. */
function ready(stage: CaseStage, change: Partial<StageFacts> = {}): StageFacts {
  return {
    stage,
    contactMade: true,
    consentsRecorded: true,
    assessmentGaps: [],
    fundingRouteSet: true,
    hasConfirmedPlacement: true,
    activePlacement: null,
    placementDischarged: true,
    lastCheckInDone: true,
    hasOpenCrisis: false,
    ...change,
  };
}

const ALLOWED: MoveCheck = { allowed: true };
const refused = (why: string): MoveCheck => ({ allowed: false, why });

const ADVISER = false;
const TEAM_LEAD = true;

describe('checkStageMove: one stage forward, once its facts are in place', () => {
  it.each<[string, StageFacts, CaseStage, MoveCheck]>([
    ['enquiry to assessment with contact and consents', ready('enquiry'), 'assessment', ALLOWED],
    [
      'enquiry to assessment before anyone answered',
      ready('enquiry', { contactMade: false }),
      'assessment',
      refused('No contact made yet: log a call that was answered'),
    ],
    [
      'enquiry to assessment without the consents',
      ready('enquiry', { consentsRecorded: false }),
      'assessment',
      refused('Consents not recorded: the client must agree to contact and to us recording health information'),
    ],
    [
      'enquiry to assessment with neither: contact is asked for first',
      ready('enquiry', { contactMade: false, consentsRecorded: false }),
      'assessment',
      refused('No contact made yet: log a call that was answered'),
    ],
    ['assessment to placement with everything in place', ready('assessment'), 'placement', ALLOWED],
    [
      'assessment to placement with the assessment unfinished, listing each gap',
      ready('assessment', { assessmentGaps: ['no primary substance chosen', 'risk screen not answered'] }),
      'placement',
      refused('Assessment not complete: no primary substance chosen; risk screen not answered'),
    ],
    [
      'assessment to placement without a funding route',
      ready('assessment', { fundingRouteSet: false }),
      'placement',
      refused('No funding route set in Finances'),
    ],
    [
      'assessment to placement without a confirmed placement',
      ready('assessment', { hasConfirmedPlacement: false }),
      'placement',
      refused('No confirmed placement with a clinic yet'),
    ],
    ['placement to aftercare after discharge', ready('placement'), 'aftercare', ALLOWED],
    [
      'placement to aftercare before discharge',
      ready('placement', { placementDischarged: false }),
      'aftercare',
      refused('The placement has not been discharged yet'),
    ],
  ])('%s', (_what, facts, to, expected) => {
    // The same rule for everyone: a team lead cannot skip a forward guard either.
    expect(checkStageMove(facts, { to }, ADVISER)).toEqual(expected);
    expect(checkStageMove(facts, { to, reason: 'Team lead says so' }, TEAM_LEAD)).toEqual(expected);
  });

  it.each<[CaseStage, CaseStage, string]>([
    ['enquiry', 'placement', 'Move one stage at a time: next is Assessment'],
    ['enquiry', 'aftercare', 'Move one stage at a time: next is Assessment'],
    ['assessment', 'aftercare', 'Move one stage at a time: next is Placement'],
  ])('refuses skipping from %s to %s, for a team lead too', (from, to, why) => {
    expect(checkStageMove(ready(from), { to }, ADVISER)).toEqual(refused(why));
    expect(checkStageMove(ready(from), { to, reason: 'Skip ahead' }, TEAM_LEAD)).toEqual(refused(why));
  });

  it.each<[CaseStage, string]>([
    ['enquiry', 'The case is already in Enquiry'],
    ['placement', 'The case is already in Placement'],
    ['closed', 'The case is already in Closed'],
  ])('refuses a move from %s to where it already is', (stage, why) => {
    expect(checkStageMove(ready(stage), { to: stage, closureReason: 'declined', reason: 'Again' }, TEAM_LEAD)).toEqual(refused(why));
  });
});

describe('checkStageMove: back a stage and reopening are a team lead’s decision, with a reason', () => {
  it('keeps a case in Placement while the client is at the clinic', () => {
    expect(checkStageMove(ready('placement', { activePlacement: 'admitted' }), { to: 'assessment', reason: 'Start again' }, TEAM_LEAD)).toEqual(
      refused('The client is at the clinic: record the discharge before moving the case back'),
    );
    expect(checkStageMove(ready('placement', { activePlacement: 'confirmed' }), { to: 'assessment', reason: 'Start again' }, TEAM_LEAD)).toEqual(ALLOWED);
  });

  it.each<[CaseStage, CaseStage]>([
    ['assessment', 'enquiry'],
    ['placement', 'assessment'],
    ['aftercare', 'enquiry'],
  ])('from %s back to %s', (from, to) => {
    expect(checkStageMove(ready(from), { to, reason: 'Client wants to start again' }, ADVISER)).toEqual(
      refused('Only a team lead can move a case back a stage'),
    );
    expect(checkStageMove(ready(from), { to }, TEAM_LEAD)).toEqual(refused('Give a reason for moving the case back'));
    expect(checkStageMove(ready(from), { to, reason: 'Client wants to start again' }, TEAM_LEAD)).toEqual(ALLOWED);
  });

  it.each<CaseStage>(['enquiry', 'assessment', 'aftercare'])('reopening a closed case into %s', (to) => {
    const closed = ready('closed');
    expect(checkStageMove(closed, { to, reason: 'Called back' }, ADVISER)).toEqual(refused('Only a team lead can reopen a closed case'));
    expect(checkStageMove(closed, { to }, TEAM_LEAD)).toEqual(refused('Give a reason for reopening the case'));
    expect(checkStageMove(closed, { to, reason: 'Called back' }, TEAM_LEAD)).toEqual(ALLOWED);
  });
});

describe('checkStageMove: closing', () => {
  const everyDayReasons = closureReasons.map((reason) => reason.value).filter((value) => value !== 'completed' && value !== 'other');

  it.each(everyDayReasons)('an adviser may close an enquiry as %s without further words', (closureReason) => {
    expect(checkStageMove(ready('enquiry', { contactMade: false }), { to: 'closed', closureReason }, ADVISER)).toEqual(ALLOWED);
    // Nobody closes a case on someone in crisis before the action taken is recorded.
    expect(checkStageMove(ready('enquiry', { hasOpenCrisis: true }), { to: 'closed', closureReason }, TEAM_LEAD)).toEqual(
      refused('The crisis protocol is open: record what was done before closing the case'),
    );
  });

  it.each<CaseStage>(['enquiry', 'assessment', 'placement', 'aftercare'])('asks why a case in %s is closing', (from) => {
    expect(checkStageMove(ready(from), { to: 'closed' }, TEAM_LEAD)).toEqual(refused('Choose why the case is closing'));
  });

  it.each<[StageFacts['activePlacement'], string]>([
    ['proposed', 'A placement is proposed or confirmed: cancel it before closing the case'],
    ['confirmed', 'A placement is proposed or confirmed: cancel it before closing the case'],
    ['admitted', 'The client is at the clinic: record the discharge before closing the case'],
  ])('refuses to close a case with a placement %s, for a team lead too', (activePlacement, why) => {
    const facts = ready('placement', { activePlacement });
    expect(checkStageMove(facts, { to: 'closed', closureReason: 'declined' }, ADVISER)).toEqual(refused(why));
    expect(checkStageMove(facts, { to: 'closed', closureReason: 'other', reason: 'Left' }, TEAM_LEAD)).toEqual(refused(why));
  });

  it('asks for words when the reason is "other"', () => {
    expect(checkStageMove(ready('placement'), { to: 'closed', closureReason: 'other' }, ADVISER)).toEqual(
      refused('Describe why the case is closing'),
    );
    expect(checkStageMove(ready('placement'), { to: 'closed', closureReason: 'other', reason: 'Moved abroad' }, ADVISER)).toEqual(ALLOWED);
  });

  it.each<CaseStage>(['enquiry', 'assessment', 'placement'])('refuses "completed" from %s, even for a team lead', (from) => {
    const move: StageMove = { to: 'closed', closureReason: 'completed', reason: 'Done' };
    expect(checkStageMove(ready(from), move, TEAM_LEAD)).toEqual(refused('Only a case in Aftercare can close as completed'));
  });

  it.each<[string, Partial<StageFacts>, boolean, string | undefined, MoveCheck]>([
    ['after the last check-in, an adviser', { lastCheckInDone: true }, ADVISER, undefined, ALLOWED],
    [
      'before the last check-in, an adviser',
      { lastCheckInDone: false },
      ADVISER,
      'They feel ready',
      refused('The last aftercare check-in is not done yet; a team lead can decide to close'),
    ],
    [
      'before the last check-in, a team lead without a reason',
      { lastCheckInDone: false },
      TEAM_LEAD,
      undefined,
      refused('Give a reason for closing before the last check-in'),
    ],
    ['before the last check-in, a team lead with a reason', { lastCheckInDone: false }, TEAM_LEAD, 'Client asked to stop calls', ALLOWED],
  ])('closing aftercare as completed %s', (_what, change, canSupervise, reason, expected) => {
    expect(checkStageMove(ready('aftercare', change), { to: 'closed', closureReason: 'completed', reason }, canSupervise)).toEqual(expected);
  });
});

describe('stageOptions: every other stage, each with whether it can be chosen now', () => {
  const byStage = (options: ReturnType<typeof stageOptions>) => Object.fromEntries(options.map((option) => [option.stage, option.check]));

  it('offers an adviser the next stage and closing, and explains the rest', () => {
    expect(byStage(stageOptions(ready('assessment', { fundingRouteSet: false }), ADVISER))).toEqual({
      enquiry: refused('Only a team lead can move a case back a stage'),
      placement: refused('No funding route set in Finances'),
      aftercare: refused('Move one stage at a time: next is Placement'),
      closed: ALLOWED,
    });
  });

  it('offers a team lead the way back, the reason being asked for once chosen', () => {
    expect(byStage(stageOptions(ready('assessment'), TEAM_LEAD))).toMatchObject({ enquiry: ALLOWED, placement: ALLOWED, closed: ALLOWED });
  });

  it('offers nothing to an adviser on a closed case, and every stage to a team lead', () => {
    const closed = ready('closed');
    expect(stageOptions(closed, ADVISER).map((option) => option.check)).toEqual(
      Array.from({ length: 4 }, () => refused('Only a team lead can reopen a closed case')),
    );
    expect(stageOptions(closed, TEAM_LEAD)).toEqual([
      { stage: 'enquiry', check: ALLOWED },
      { stage: 'assessment', check: ALLOWED },
      { stage: 'placement', check: ALLOWED },
      { stage: 'aftercare', check: ALLOWED },
    ]);
  });
});

describe('moveStageSchema', () => {
  const id = '0b9e7d1c-3f4a-4e2b-9c8d-7a6b5c4d3e2f';

  it('takes a blank reason as none, so the rules ask for one', () => {
    const parsed = moveStageSchema.parse({ id, to: 'enquiry', version: 2, reason: '   ' });
    expect(parsed.reason).toBeUndefined();
    expect(checkStageMove(ready('assessment'), parsed, TEAM_LEAD)).toEqual(refused('Give a reason for moving the case back'));
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a stage not in the pipeline', { to: 'archived' }, 'to', 'Choose a stage'],
    ['a closure reason not on the list', { to: 'closed', closureReason: 'bored' }, 'closureReason', 'Choose why the case is closing'],
    ['markup in the reason', { to: 'enquiry', reason: '<script>' }, 'reason', 'Reason must not contain HTML or other markup'],
    ['no version', { to: 'enquiry', version: undefined }, 'version', 'Reload the case and try again'],
  ])('refuses %s, naming the field', (_what, change, field, message) => {
    const result = moveStageSchema.safeParse({ id, version: 2, ...change });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([[field, message]]);
  });
});
