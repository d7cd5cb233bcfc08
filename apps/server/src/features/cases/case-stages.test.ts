import { CONSENT_TO_CONTACT_TEXT, CONSENT_TO_HEALTH_DATA_TEXT, type AttemptOutcome } from '@harbour/shared/callbacks';
import { describe, expect, it } from 'vitest';
import { minutesAfter, submitCallback, TUESDAY_10AM } from '../../test/callbacks';
import { assessmentInput, caseRow, openCase } from '../../test/cases';
import { callerFor, createUser, type TestUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';

const db = useTestDatabase();

const CALLED_AT = minutesAfter(TUESDAY_10AM, 30);
const MOVED_AT = minutesAfter(TUESDAY_10AM, 45);

const NO_CONTACT = 'No contact made yet: log a call that was answered';
const NO_CONSENT = 'Consents not recorded: the client must agree to contact and to us recording health information';

/**
 * A case that came from a callback request nobody has spoken to yet (as cases imported from
 * the old system are): the request is linked to it, and no call about it has been logged.
 */
async function callbackCaseAwaitingContact(adviser: TestUser) {
  const request = await submitCallback(db());
  const created = await db()
    .insertInto('cases')
    .values({
      reference: 'H-2026-90001',
      origin: 'callback',
      caller_name: 'Sam Taylor',
      caller_relation: 'self',
      client_name: 'Sam Taylor',
      phone_e164: '+447400123456',
      consent_to_contact: true,
      consent_to_contact_text: CONSENT_TO_CONTACT_TEXT,
      consent_to_health_data: true,
      consent_to_health_data_text: CONSENT_TO_HEALTH_DATA_TEXT,
      consented_at: TUESDAY_10AM,
      assigned_adviser_id: adviser.id,
      opened_by: adviser.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db().updateTable('callback_requests').set({ case_id: created.id }).where('id', '=', request.id).execute();
  return { caseId: created.id, requestId: request.id };
}

describe('moving an enquiry to assessment', () => {
  it.each<[string, AttemptOutcome[], string | null]>([
    ['before any call', [], NO_CONTACT],
    ['after a call nobody answered', ['no_answer'], NO_CONTACT],
    ['after leaving a voicemail', ['voicemail'], NO_CONTACT],
    ['after a call that was answered', ['answered'], null],
    ['after a call where they asked us to ring later', ['call_back_later'], null],
  ])('from a callback: %s', async (_when, outcomes, refusal) => {
    const adviser = await createUser(db());
    const { caseId, requestId } = await callbackCaseAwaitingContact(adviser);
    const caller = callerFor(db(), adviser, { now: CALLED_AT });
    for (const outcome of outcomes) {
      await caller.callbacks.claim({ id: requestId });
      await caller.callbacks.logAttempt({ id: requestId, outcome, callBackAt: outcome === 'call_back_later' ? minutesAfter(CALLED_AT, 120) : undefined });
    }

    const move = caller.cases.moveStage({ id: caseId, version: 1, to: 'assessment' });

    if (refusal) {
      expect(await rejectionOf(move)).toMatchObject({ code: 'BAD_REQUEST', message: refusal, fieldErrors: { to: refusal } });
      expect((await caseRow(db(), caseId)).stage).toBe('enquiry');
    } else {
      await move;
      expect((await caseRow(db(), caseId)).stage).toBe('assessment');
    }
  });

  it('is refused without consent to health information, and allowed once it is recorded', async () => {
    const adviser = await createUser(db());
    const { id, reference } = await openCase(db(), adviser, { consentToHealthData: false });
    const caller = callerFor(db(), adviser, { now: MOVED_AT });

    const refused = await rejectionOf(caller.cases.moveStage({ id, version: 1, to: 'assessment' }));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { to: NO_CONSENT } });
    expect((await caller.cases.byReference({ reference })).stageFacts).toMatchObject({ contactMade: true, consentsRecorded: false });

    await caller.cases.recordHealthDataConsent({ id, version: 1, given: true });
    await caller.cases.moveStage({ id, version: 1, to: 'assessment' });

    expect(await caseRow(db(), id)).toMatchObject({ stage: 'assessment', stage_changed_at: MOVED_AT, health_data_consent_at: MOVED_AT });
  });
});

describe('moving on from assessment reads the case as it is stored', () => {
  it('names what is missing, one thing after another', async () => {
    const adviser = await createUser(db());
    const { id } = await openCase(db(), adviser);
    const caller = callerFor(db(), adviser, { now: MOVED_AT });
    await caller.cases.moveStage({ id, version: 1, to: 'assessment' });
    const toPlacement = async () => (await rejectionOf(caller.cases.moveStage({ id, version: 2, to: 'placement' }))).message;

    const missing = [await toPlacement()];
    await caller.cases.updateAssessment(assessmentInput(id, 1, { substances: [], risk: {} }));
    missing.push(await toPlacement());
    await caller.cases.updateAssessment(assessmentInput(id, 2));
    missing.push(await toPlacement());
    await caller.cases.updateFinances({ id, version: 1, finances: { fundingRoute: 'self_funded' } });
    missing.push(await toPlacement());

    expect(missing).toEqual([
      'Assessment not complete: no primary substance chosen; 11 of the 11 severity questions not answered; risk screen not answered',
      'Assessment not complete: no primary substance chosen; risk screen not answered',
      'No funding route set in Finances',
      'No confirmed placement with a clinic yet',
    ]);
  });

  it('refuses skipping a stage', async () => {
    const adviser = await createUser(db());
    const { id } = await openCase(db(), adviser);

    const refused = await rejectionOf(callerFor(db(), adviser).cases.moveStage({ id, version: 1, to: 'placement' }));

    expect(refused).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { to: 'Move one stage at a time: next is Assessment' } });
  });
});

describe('moving back, closing and reopening', () => {
  it('puts each move on the timeline, from where, to where, and why', async () => {
    const adviser = await createUser(db(), { fullName: 'Amira Shah' });
    const teamLead = await createUser(db(), { role: 'team_lead', fullName: 'Priya Nair' });
    const { id } = await openCase(db(), adviser);
    await callerFor(db(), adviser, { now: MOVED_AT }).cases.moveStage({ id, version: 1, to: 'assessment' });

    await callerFor(db(), teamLead, { now: minutesAfter(MOVED_AT, 5) }).cases.moveStage({ id, version: 2, to: 'enquiry', reason: 'Wants to talk to family first' });

    const moves = (await callerFor(db(), adviser).cases.timeline({ id })).filter((entry) => entry.type === 'event');
    expect(moves).toEqual([
      expect.objectContaining({ actorName: 'Priya Nair', kind: 'stage_moved', details: { from: 'assessment', to: 'enquiry', closureReason: null, reason: 'Wants to talk to family first' } }),
      expect.objectContaining({ actorName: 'Amira Shah', kind: 'stage_moved', at: MOVED_AT, details: { from: 'enquiry', to: 'assessment', closureReason: null, reason: null } }),
    ]);
  });

  it('an adviser may not move a case back', async () => {
    const adviser = await createUser(db());
    const { id } = await openCase(db(), adviser);
    const caller = callerFor(db(), adviser, { now: MOVED_AT });
    await caller.cases.moveStage({ id, version: 1, to: 'assessment' });

    const refused = await rejectionOf(caller.cases.moveStage({ id, version: 2, to: 'enquiry', reason: 'Mistake' }));

    expect(refused).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { to: 'Only a team lead can move a case back a stage' } });
  });

  it('closing clears the next action; only a team lead reopens, with a reason', async () => {
    const adviser = await createUser(db());
    const teamLead = await createUser(db(), { role: 'team_lead' });
    const { id } = await openCase(db(), adviser);
    const caller = callerFor(db(), adviser, { now: MOVED_AT });
    await caller.cases.setNextAction({ id, version: 1, what: 'Ring back', dueAt: minutesAfter(MOVED_AT, 60) });

    await caller.cases.moveStage({ id, version: 2, to: 'closed', closureReason: 'declined' });
    expect(await caseRow(db(), id)).toMatchObject({ stage: 'closed', closure_reason: 'declined', next_action: null, next_action_due_at: null });
    expect(await rejectionOf(caller.cases.setNextAction({ id, version: 3, what: 'Ring back', dueAt: minutesAfter(MOVED_AT, 60) }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'A closed case has no next action',
    });

    const byAdviser = await rejectionOf(caller.cases.moveStage({ id, version: 3, to: 'enquiry', reason: 'Called back' }));
    const withoutReason = await rejectionOf(callerFor(db(), teamLead).cases.moveStage({ id, version: 3, to: 'enquiry' }));
    await callerFor(db(), teamLead, { now: MOVED_AT }).cases.moveStage({ id, version: 3, to: 'enquiry', reason: 'Called back asking for help' });

    expect([byAdviser.message, withoutReason.message]).toEqual(['Only a team lead can reopen a closed case', 'Give a reason for reopening the case']);
    expect(await caseRow(db(), id)).toMatchObject({ stage: 'enquiry', closure_reason: null, version: 4 });
  });
});
