import type { AttemptOutcome } from '@harbour/shared/callbacks';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../trpc/context';
import { auditRows, countRows, minutesAfter, submitCallback, TUESDAY_10AM } from '../../test/callbacks';
import { callerFor, createUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';

const db = useTestDatabase();

/** The adviser claims the request and logs a call with this outcome, both at `now`. */
async function callAndLog(adviser: SessionUser, id: string, outcome: AttemptOutcome, now: Date) {
  const caller = callerFor(db(), adviser, { now });
  await caller.callbacks.claim({ id });
  return caller.callbacks.logAttempt({ id, outcome });
}

async function liveQueueIds(now: Date): Promise<string[]> {
  const { items } = await callerFor(db(), await createUser(db()), { now }).callbacks.queue();
  return items.map((item) => item.id);
}

// Four unanswered calls on Tuesday 1 and Wednesday 2 December (GMT, so London time = UTC).
const CALLS = {
  first: new Date('2026-12-01T10:05:00Z'),
  second: new Date('2026-12-01T10:40:00Z'),
  third: new Date('2026-12-01T12:45:00Z'),
  fourth: new Date('2026-12-02T09:05:00Z'),
};

async function makeUnreachable(adviser: SessionUser, id: string): Promise<void> {
  await callAndLog(adviser, id, 'no_answer', CALLS.first);
  await callAndLog(adviser, id, 'voicemail', CALLS.second);
  await callAndLog(adviser, id, 'no_answer', CALLS.third);
  await callAndLog(adviser, id, 'voicemail', CALLS.fourth);
}

describe('callbacks.logAttempt', () => {
  it('does not let four quick "no answers" mark someone unreachable: early retries keep the schedule', async () => {
    const request = await submitCallback(db());
    const adviser = await createUser(db());

    const results = [];
    for (let minute = 0; minute < 4; minute += 1) {
      results.push(await callAndLog(adviser, request.id, 'no_answer', minutesAfter(CALLS.first, minute)));
    }

    expect(results.map((result) => result.status)).toEqual(['open', 'open', 'open', 'open']);
    expect(results.every((result) => result.nextDueAt?.getTime() === minutesAfter(CALLS.first, 30).getTime())).toBe(true);
    const details = await callerFor(db(), adviser, { now: minutesAfter(CALLS.first, 4) }).callbacks.byId({ id: request.id });
    expect(details).toMatchObject({ status: 'open', attemptCount: 4, unansweredCount: 1 });
  });

  it('never gives up on an urgent request by rule: retries after 15, 30, then every 60 minutes', async () => {
    const request = await submitCallback(db(), { immediateDanger: true });
    const adviser = await createUser(db());

    const first = await callAndLog(adviser, request.id, 'no_answer', CALLS.first);
    const second = await callAndLog(adviser, request.id, 'voicemail', first.nextDueAt!);
    const third = await callAndLog(adviser, request.id, 'no_answer', second.nextDueAt!);
    const fourth = await callAndLog(adviser, request.id, 'no_answer', third.nextDueAt!);
    const fifth = await callAndLog(adviser, request.id, 'no_answer', fourth.nextDueAt!);

    expect(first.nextDueAt).toEqual(minutesAfter(CALLS.first, 15));
    expect(second.nextDueAt).toEqual(minutesAfter(CALLS.first, 45));
    expect(third.nextDueAt).toEqual(minutesAfter(CALLS.first, 105));
    expect([fourth.status, fifth.status]).toEqual(['open', 'open']);
    expect(fifth.nextDueAt).toEqual(minutesAfter(CALLS.first, 225));
  });

  it('needs the claim: unclaimed, or held by a colleague, it is refused and nothing is recorded', async () => {
    const request = await submitCallback(db());
    const adviser = await createUser(db());
    const colleague = await createUser(db());

    const unclaimed = await rejectionOf(callerFor(db(), adviser, { now: CALLS.first }).callbacks.logAttempt({ id: request.id, outcome: 'answered' }));
    await callerFor(db(), colleague, { now: CALLS.first }).callbacks.claim({ id: request.id });
    const heldByColleague = await rejectionOf(
      callerFor(db(), adviser, { now: CALLS.first }).callbacks.logAttempt({ id: request.id, outcome: 'no_answer' }),
    );

    expect(unclaimed).toMatchObject({ code: 'CONFLICT', message: 'Claim this request before logging a call' });
    expect(heldByColleague).toMatchObject({ code: 'CONFLICT', message: 'Another adviser has claimed this request' });
    expect(await countRows(db(), 'callback_attempts')).toBe(0);
  });

  it('tries again in 30 minutes, then 2 hours, then at 09:00 the next morning, then counts the person unreachable', async () => {
    const request = await submitCallback(db());
    const adviser = await createUser(db(), { fullName: 'Amira Shah' });

    const afterFirst = await callAndLog(adviser, request.id, 'no_answer', CALLS.first);
    const afterSecond = await callAndLog(adviser, request.id, 'voicemail', CALLS.second);
    const afterThird = await callAndLog(adviser, request.id, 'no_answer', CALLS.third);
    const queueBeforeFourth = await callerFor(db(), adviser, { now: CALLS.fourth }).callbacks.queue();
    const afterFourth = await callAndLog(adviser, request.id, 'voicemail', CALLS.fourth);

    expect([afterFirst, afterSecond, afterThird, afterFourth]).toEqual([
      { status: 'open', nextDueAt: minutesAfter(CALLS.first, 30) },
      { status: 'open', nextDueAt: minutesAfter(CALLS.second, 120) },
      { status: 'open', nextDueAt: new Date('2026-12-02T09:00:00Z') },
      { status: 'unreachable', nextDueAt: null },
    ]);
    expect(queueBeforeFourth.items).toEqual([
      expect.objectContaining({ id: request.id, attemptCount: 3, dueAt: new Date('2026-12-02T09:00:00Z'), claimedById: null }),
    ]);
    expect(await liveQueueIds(CALLS.fourth)).toEqual([]);
    const details = await callerFor(db(), adviser, { now: CALLS.fourth }).callbacks.byId({ id: request.id });
    expect(details).toMatchObject({ status: 'unreachable', attemptCount: 4, unansweredCount: 4, claimedById: null });
    expect(details.attempts.map((attempt) => [attempt.outcome, attempt.attemptedAt, attempt.adviserName])).toEqual([
      ['no_answer', CALLS.first, 'Amira Shah'],
      ['voicemail', CALLS.second, 'Amira Shah'],
      ['no_answer', CALLS.third, 'Amira Shah'],
      ['voicemail', CALLS.fourth, 'Amira Shah'],
    ]);
  });

  it('puts an unanswered request back in the queue for anyone to take', async () => {
    const request = await submitCallback(db());
    const adviser = await createUser(db());
    const colleague = await createUser(db());

    await callAndLog(adviser, request.id, 'no_answer', CALLS.first);

    await expect(callerFor(db(), colleague, { now: minutesAfter(CALLS.first, 30) }).callbacks.claim({ id: request.id })).resolves.toMatchObject({
      id: request.id,
    });
  });

  it.each<AttemptOutcome>(['wrong_number', 'declined'])('closes the request on %s', async (outcome) => {
    const request = await submitCallback(db());
    const adviser = await createUser(db());

    const result = await callAndLog(adviser, request.id, outcome, CALLS.first);

    expect(result).toEqual({ status: outcome, nextDueAt: null });
    expect(await liveQueueIds(CALLS.first)).toEqual([]);
    expect(await rejectionOf(callerFor(db(), adviser, { now: CALLS.second }).callbacks.claim({ id: request.id }))).toMatchObject({
      code: 'CONFLICT',
      message: 'This request is no longer waiting for a call',
    });
  });

  it('asks when to call back when the caller asked us to ring later, and records nothing without it', async () => {
    const request = await submitCallback(db());
    const adviser = await createUser(db());
    const caller = callerFor(db(), adviser);
    await caller.callbacks.claim({ id: request.id });

    const rejection = await rejectionOf(caller.callbacks.logAttempt({ id: request.id, outcome: 'call_back_later' }));

    expect(rejection).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { callBackAt: 'Enter when they asked us to call back' } });
    expect(await countRows(db(), 'callback_attempts')).toBe(0);
  });

  it('books the time the caller asked for and frees the request for whoever is on shift then', async () => {
    const request = await submitCallback(db());
    const adviser = await createUser(db());
    // Checked against the real clock by the input schema, so this one test lives in the present.
    const now = new Date();
    const callBackAt = minutesAfter(now, 180);
    const caller = callerFor(db(), adviser, { now });
    await caller.callbacks.claim({ id: request.id });

    const result = await caller.callbacks.logAttempt({ id: request.id, outcome: 'call_back_later', callBackAt, notes: 'At work until 3' });

    expect(result).toEqual({ status: 'open', nextDueAt: callBackAt });
    const details = await caller.callbacks.byId({ id: request.id });
    expect(details).toMatchObject({ status: 'open', dueAt: callBackAt, claimedById: null });
    expect(details.attempts).toEqual([expect.objectContaining({ outcome: 'call_back_later', callBackAt, notes: 'At work until 3' })]);
  });

  it('keeps the claim on an answered call, so the adviser can open the case and nobody else can take it', async () => {
    const request = await submitCallback(db());
    const adviser = await createUser(db(), { fullName: 'Amira Shah' });
    const colleague = await createUser(db());

    const result = await callAndLog(adviser, request.id, 'answered', CALLS.first);

    expect(result).toEqual({ status: 'answered', nextDueAt: null });
    const { items } = await callerFor(db(), colleague, { now: CALLS.first }).callbacks.queue();
    expect(items).toEqual([expect.objectContaining({ id: request.id, status: 'answered', claimedById: adviser.id, claimedByName: 'Amira Shah' })]);
    expect(await rejectionOf(callerFor(db(), colleague, { now: CALLS.first }).callbacks.claim({ id: request.id }))).toMatchObject({
      code: 'CONFLICT',
    });
    expect(await auditRows(db(), 'callbacks.attempt_logged')).toEqual([
      { actorUserId: adviser.id, entityId: request.id, details: { outcome: 'answered', status: 'answered' } },
    ]);

    // An hour on, long past the claim lapse, the answered request is still the adviser's.
    const anHourOn = new Date(CALLS.first.getTime() + 60 * 60_000);
    const later = await callerFor(db(), colleague, { now: anHourOn }).callbacks.queue();
    expect(later.items).toEqual([expect.objectContaining({ id: request.id, claimedById: adviser.id, claimedByName: 'Amira Shah' })]);
  });
});

describe('callbacks.reopen', () => {
  it('lets a team lead give an unreachable person another round of calls, due now', async () => {
    const request = await submitCallback(db());
    const adviser = await createUser(db());
    const lead = await createUser(db(), { role: 'team_lead' });
    await makeUnreachable(adviser, request.id);
    const reopenedAt = minutesAfter(CALLS.fourth, 60);

    await callerFor(db(), lead, { now: reopenedAt }).callbacks.reopen({ id: request.id });

    const { items } = await callerFor(db(), adviser, { now: reopenedAt }).callbacks.queue();
    expect(items).toEqual([expect.objectContaining({ id: request.id, status: 'open', dueAt: reopenedAt, claimedById: null })]);
    // The schedule starts again from the first retry.
    await expect(callAndLog(adviser, request.id, 'no_answer', reopenedAt)).resolves.toEqual({
      status: 'open',
      nextDueAt: minutesAfter(reopenedAt, 30),
    });
    expect(await auditRows(db(), 'callbacks.reopened')).toEqual([{ actorUserId: lead.id, entityId: request.id, details: {} }]);
  });

  it('is not for advisers', async () => {
    const request = await submitCallback(db());
    const adviser = await createUser(db());
    await makeUnreachable(adviser, request.id);

    const rejection = await rejectionOf(callerFor(db(), adviser, { now: CALLS.fourth }).callbacks.reopen({ id: request.id }));

    expect(rejection.code).toBe('FORBIDDEN');
    expect(await liveQueueIds(CALLS.fourth)).toEqual([]);
  });

  it('refuses a request that is still being called', async () => {
    const request = await submitCallback(db());
    const lead = await createUser(db(), { role: 'team_lead' });

    expect(await rejectionOf(callerFor(db(), lead).callbacks.reopen({ id: request.id }))).toMatchObject({
      code: 'CONFLICT',
      message: 'Only a request marked unreachable can be reopened',
    });
  });
});

describe("the team overview's SLA for today", () => {
  it('counts a first call made by its due time as met, and one made after as missed', async () => {
    // Both asked for "as soon as possible" at 10:00, so both due by 11:00.
    const calledInTime = await submitCallback(db());
    const calledLate = await submitCallback(db());
    const notYetDue = await submitCallback(db(), {}, { now: minutesAfter(TUESDAY_10AM, 90) });
    const adviser = await createUser(db());
    const lead = await createUser(db(), { role: 'team_lead' });
    await callAndLog(adviser, calledInTime.id, 'no_answer', minutesAfter(TUESDAY_10AM, 30));
    await callAndLog(adviser, calledLate.id, 'answered', minutesAfter(TUESDAY_10AM, 75));
    await callAndLog(adviser, notYetDue.id, 'answered', minutesAfter(TUESDAY_10AM, 95));

    const overview = await callerFor(db(), lead, { now: minutesAfter(TUESDAY_10AM, 120) }).callbacks.teamOverview();

    expect(overview.slaToday).toEqual({ due: 2, met: 1, percentage: 50 });
  });

  it('is empty at the start of the day', async () => {
    const lead = await createUser(db(), { role: 'team_lead' });

    const overview = await callerFor(db(), lead, { now: TUESDAY_10AM }).callbacks.teamOverview();

    expect(overview).toEqual({
      totals: { live: 0, urgent: 0, urgentWaiting: 0, overdue: 0 },
      slaToday: { due: 0, met: 0, percentage: null },
      claimsByAdviser: [],
      unreachable: [],
    });
  });

  it('lists who could not be reached this week, so a team lead can reopen them', async () => {
    const request = await submitCallback(db(), { fullName: 'Alex Away' });
    const adviser = await createUser(db());
    const lead = await createUser(db(), { role: 'team_lead' });
    await makeUnreachable(adviser, request.id);

    const overview = await callerFor(db(), lead, { now: CALLS.fourth }).callbacks.teamOverview();

    expect(overview.unreachable).toEqual([
      { id: request.id, reference: request.reference, fullName: 'Alex Away', attemptCount: 4, markedAt: CALLS.fourth },
    ]);
  });
});
