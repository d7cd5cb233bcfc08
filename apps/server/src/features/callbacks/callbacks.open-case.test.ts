import { CONSENT_TO_CONTACT_TEXT, CONSENT_TO_HEALTH_DATA_TEXT } from '@harbour/shared/callbacks';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows, minutesAfter, reachCaller, submitCallback, TUESDAY_10AM } from '../../test/callbacks';
import { callerFor, createUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';

const db = useTestDatabase();

const ANSWERED_AT = minutesAfter(TUESDAY_10AM, 10);

describe('callbacks.openCase', () => {
  it('is refused until someone has answered a call', async () => {
    const request = await submitCallback(db());
    const adviser = await createUser(db());
    const caller = callerFor(db(), adviser, { now: ANSWERED_AT });
    await caller.callbacks.claim({ id: request.id });

    const rejection = await rejectionOf(caller.callbacks.openCase({ id: request.id }));

    expect(rejection).toMatchObject({ code: 'CONFLICT', message: 'Log an answered call before opening a case' });
    expect(await countRows(db(), 'cases')).toBe(0);
  });

  it('opens an enquiry carrying the caller, their consents and the substances they named', async () => {
    const request = await submitCallback(db(), {
      fullName: 'Jordan Reyes',
      phone: '07400 123456',
      email: 'jordan@example.org',
      forWhom: 'self',
      substances: ['alcohol', 'benzodiazepines'],
      consentToHealthData: true,
    });
    const adviser = await createUser(db(), { fullName: 'Amira Shah' });
    await reachCaller(db(), adviser, request.id, ANSWERED_AT);
    const caller = callerFor(db(), adviser, { now: ANSWERED_AT });

    const opened = await caller.callbacks.openCase({ id: request.id });

    expect(opened).toEqual({ caseReference: expect.stringMatching(/^H-\d{4}-\d{5}$/), isNew: true });
    expect(await caller.cases.byReference({ reference: opened.caseReference })).toMatchObject({
      reference: opened.caseReference,
      stage: 'enquiry',
      origin: 'callback',
      callerName: 'Jordan Reyes',
      clientName: 'Jordan Reyes',
      callerRelation: 'self',
      phone: '+447400123456',
      email: 'jordan@example.org',
      substances: ['alcohol', 'benzodiazepines'],
      urgencyReason: null,
      consentToContact: true,
      consentToContactText: CONSENT_TO_CONTACT_TEXT,
      consentToHealthData: true,
      consentToHealthDataText: CONSENT_TO_HEALTH_DATA_TEXT,
      consentedAt: TUESDAY_10AM,
      assignedAdviserName: 'Amira Shah',
    });
    expect(await caller.callbacks.byId({ id: request.id })).toMatchObject({ status: 'case_opened', caseReference: opened.caseReference, claimedById: null });
    expect((await caller.callbacks.queue()).items).toEqual([]);
  });

  it('opens one case per request, however many times it is asked', async () => {
    const request = await submitCallback(db());
    const adviser = await createUser(db());
    await reachCaller(db(), adviser, request.id, ANSWERED_AT);
    const caller = callerFor(db(), adviser, { now: ANSWERED_AT });
    await caller.callbacks.openCase({ id: request.id });

    const rejection = await rejectionOf(caller.callbacks.openCase({ id: request.id }));

    expect(rejection).toMatchObject({ code: 'CONFLICT', message: 'A case has already been opened for this request' });
    expect(await countRows(db(), 'cases')).toBe(1);
  });

  it('is for the adviser who took the call, not a colleague', async () => {
    const request = await submitCallback(db());
    const adviser = await createUser(db());
    const colleague = await createUser(db());
    await reachCaller(db(), adviser, request.id, ANSWERED_AT);

    const rejection = await rejectionOf(callerFor(db(), colleague, { now: ANSWERED_AT }).callbacks.openCase({ id: request.id }));

    expect(rejection).toMatchObject({ code: 'CONFLICT', message: 'Another adviser is handling this request' });
    expect(await countRows(db(), 'cases')).toBe(0);
  });
});

describe('a second request from someone we already know', () => {
  async function firstCaseFor(phone: string) {
    const first = await submitCallback(db(), { phone, email: undefined });
    const adviser = await createUser(db());
    await reachCaller(db(), adviser, first.id, ANSWERED_AT);
    return callerFor(db(), adviser, { now: ANSWERED_AT }).callbacks.openCase({ id: first.id });
  }

  it('shows their earlier case under previous contacts, whichever way the phone number was typed', async () => {
    const firstCase = await firstCaseFor('07400 123456');
    const second = await submitCallback(db(), { phone: '+44 7400 123456', email: undefined }, { now: minutesAfter(TUESDAY_10AM, 60) });
    const adviser = await createUser(db());

    const details = await callerFor(db(), adviser, { now: minutesAfter(TUESDAY_10AM, 61) }).callbacks.byId({ id: second.id });

    expect(details.previousContacts).toEqual([
      expect.objectContaining({ reference: firstCase.caseReference, stage: 'enquiry', callerName: 'Sam Taylor', openedAt: expect.any(Date) }),
    ]);
  });

  it('links the new request to the earlier case instead of opening another', async () => {
    const firstCase = await firstCaseFor('07400 123456');
    const second = await submitCallback(db(), { email: undefined }, { now: minutesAfter(TUESDAY_10AM, 60) });
    const adviser = await createUser(db());
    const callAt = minutesAfter(TUESDAY_10AM, 65);
    await reachCaller(db(), adviser, second.id, callAt);
    const caller = callerFor(db(), adviser, { now: callAt });
    const [earlier] = (await caller.callbacks.byId({ id: second.id })).previousContacts;

    const linked = await caller.callbacks.openCase({ id: second.id, existingCaseId: earlier!.id });

    expect(linked).toEqual({ caseReference: firstCase.caseReference, isNew: false });
    expect(await countRows(db(), 'cases')).toBe(1);
    const requests = await caller.callbacks.forCase({ caseId: earlier!.id });
    expect(requests.map((request) => [request.status, request.attempts.map((attempt) => attempt.outcome)])).toEqual([
      ['case_opened', ['answered']],
      ['case_opened', ['answered']],
    ]);
    expect(await auditRows(db(), 'callbacks.case_opened')).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ isNewCase: true }) }),
      { actorUserId: adviser.id, entityId: second.id, details: { caseId: earlier!.id, isNewCase: false } },
    ]);
  });

  it('says so when the case to link to does not exist, and leaves the request waiting', async () => {
    const request = await submitCallback(db());
    const adviser = await createUser(db());
    await reachCaller(db(), adviser, request.id, ANSWERED_AT);
    const caller = callerFor(db(), adviser, { now: ANSWERED_AT });

    const rejection = await rejectionOf(caller.callbacks.openCase({ id: request.id, existingCaseId: '00000000-0000-4000-8000-000000000000' }));

    expect(rejection).toMatchObject({ code: 'NOT_FOUND', message: 'That case does not exist' });
    expect(await caller.callbacks.byId({ id: request.id })).toMatchObject({ status: 'answered', caseReference: null });
  });
});
