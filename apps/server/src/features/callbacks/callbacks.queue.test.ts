import type { Role } from '@harbour/shared/roles';
import { describe, expect, it } from 'vitest';
import { auditRows, minutesAfter, submitCallback, TUESDAY_10AM } from '../../test/callbacks';
import { callerFor, createUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';

const db = useTestDatabase();

const SOME_ID = '00000000-0000-4000-8000-000000000000';

/** Five requests made over the last 90 minutes; two are urgent, two overdue at 10:00. */
async function morningOfRequests() {
  return {
    // Asked 90 minutes ago for "as soon as possible": due 30 minutes ago.
    overdue: await submitCallback(db(), { fullName: 'Overdue Olu' }, { now: minutesAfter(TUESDAY_10AM, -90) }),
    dueSoon: await submitCallback(db(), { fullName: 'Soon Sasha' }, { now: minutesAfter(TUESDAY_10AM, -30) }),
    dueLater: await submitCallback(db(), { fullName: 'Later Lee' }, { now: TUESDAY_10AM }),
    danger: await submitCallback(db(), { fullName: 'Danger Dee', immediateDanger: true }, { now: TUESDAY_10AM }),
    // The danger question answered "no", but the message speaks of risk: due 5 minutes ago.
    risk: await submitCallback(db(), { fullName: 'Risk Rowan', message: 'I have been self-harming again' }, { now: minutesAfter(TUESDAY_10AM, -20) }),
  };
}

describe('callbacks.queue', () => {
  it('puts urgent requests first, whether danger was declared or risk mentioned, then the rest by due time', async () => {
    await morningOfRequests();
    const adviser = await createUser(db());

    const { items } = await callerFor(db(), adviser, { now: TUESDAY_10AM }).callbacks.queue();

    expect(items.map((item) => [item.fullName, item.urgencyReason, item.dueAt])).toEqual([
      ['Risk Rowan', 'risk_mentioned', minutesAfter(TUESDAY_10AM, -5)],
      ['Danger Dee', 'immediate_danger', minutesAfter(TUESDAY_10AM, 15)],
      ['Overdue Olu', null, minutesAfter(TUESDAY_10AM, -30)],
      ['Soon Sasha', null, minutesAfter(TUESDAY_10AM, 30)],
      ['Later Lee', null, minutesAfter(TUESDAY_10AM, 60)],
    ]);
  });

  it('shows on each row what an adviser needs to pick a call', async () => {
    const { dueLater } = await morningOfRequests();
    const adviser = await createUser(db());

    const { items } = await callerFor(db(), adviser, { now: TUESDAY_10AM }).callbacks.queue();

    expect(items.find((item) => item.id === dueLater.id)).toEqual({
      id: dueLater.id,
      reference: dueLater.reference,
      fullName: 'Later Lee',
      forWhom: 'self',
      bestTimeKind: 'asap',
      bestTimeAt: null,
      substances: ['alcohol'],
      attemptCount: 0,
      dueAt: minutesAfter(TUESDAY_10AM, 60),
      urgencyReason: null,
      status: 'open',
      claimedById: null,
      claimedByName: null,
    });
  });

  it('counts live, urgent and overdue requests at the moment it is asked', async () => {
    await morningOfRequests();
    const adviser = await createUser(db());

    const atTen = await callerFor(db(), adviser, { now: TUESDAY_10AM }).callbacks.queue();
    const atNoon = await callerFor(db(), adviser, { now: minutesAfter(TUESDAY_10AM, 120) }).callbacks.queue();

    expect(atTen.totals).toEqual({ live: 5, urgent: 2, urgentWaiting: 2, overdue: 2 });
    expect(atNoon.totals).toEqual({ live: 5, urgent: 2, urgentWaiting: 2, overdue: 5 });

    // Once someone takes an urgent request it is no longer waiting with nobody on it.
    const [firstUrgent] = atTen.items;
    await callerFor(db(), adviser, { now: TUESDAY_10AM }).callbacks.claim({ id: firstUrgent!.id });
    const afterClaim = await callerFor(db(), adviser, { now: TUESDAY_10AM }).callbacks.queue();
    expect(afterClaim.totals).toMatchObject({ urgent: 2, urgentWaiting: 1 });
  });
});

describe('callbacks.byId', () => {
  it("shows the request in full and records that the adviser looked at the person's details", async () => {
    const request = await submitCallback(db(), { fullName: 'Jordan Reyes', message: 'Please call after 6pm' });
    const adviser = await createUser(db());

    const details = await callerFor(db(), adviser, { now: TUESDAY_10AM, requestId: 'req-view-1' }).callbacks.byId({ id: request.id });

    expect(details).toMatchObject({ reference: request.reference, fullName: 'Jordan Reyes', phone: '+447400123456', message: 'Please call after 6pm', attempts: [] });
    const viewed = await db().selectFrom('audit_events').select(['actor_user_id', 'entity_id', 'request_id']).where('action', '=', 'callbacks.viewed').execute();
    expect(viewed).toEqual([{ actor_user_id: adviser.id, entity_id: request.id, request_id: 'req-view-1' }]);
  });

  it('says so when there is no such request', async () => {
    const adviser = await createUser(db());

    expect(await rejectionOf(callerFor(db(), adviser).callbacks.byId({ id: SOME_ID }))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'That callback request does not exist',
    });
    expect(await auditRows(db(), 'callbacks.viewed')).toEqual([]);
  });
});

describe('who may work the queue', () => {
  it('nobody signed in may see or touch it', async () => {
    const anonymous = callerFor(db(), null);

    const rejections = await Promise.all([
      rejectionOf(anonymous.callbacks.queue()),
      rejectionOf(anonymous.callbacks.byId({ id: SOME_ID })),
      rejectionOf(anonymous.callbacks.claim({ id: SOME_ID })),
      rejectionOf(anonymous.callbacks.release({ id: SOME_ID })),
      rejectionOf(anonymous.callbacks.assign({ id: SOME_ID, adviserId: SOME_ID })),
      rejectionOf(anonymous.callbacks.logAttempt({ id: SOME_ID, outcome: 'answered' })),
      rejectionOf(anonymous.callbacks.reopen({ id: SOME_ID })),
      rejectionOf(anonymous.callbacks.openCase({ id: SOME_ID })),
      rejectionOf(anonymous.callbacks.forCase({ caseId: SOME_ID })),
      rejectionOf(anonymous.callbacks.teamOverview()),
      rejectionOf(anonymous.callbacks.onChange()),
    ]);

    expect(new Set(rejections.map((rejection) => rejection.code))).toEqual(new Set(['UNAUTHORIZED']));
  });

  it('an adviser may not assign, reopen or see the team overview, but may list colleagues by name', async () => {
    const request = await submitCallback(db());
    const adviser = await createUser(db());
    const colleague = await createUser(db());
    const caller = callerFor(db(), adviser);

    const rejections = await Promise.all([
      rejectionOf(caller.callbacks.assign({ id: request.id, adviserId: colleague.id })),
      rejectionOf(caller.callbacks.reopen({ id: request.id })),
      rejectionOf(caller.callbacks.teamOverview()),
    ]);

    for (const rejection of rejections) expect(rejection).toMatchObject({ code: 'FORBIDDEN', message: 'You do not have permission to do that' });
    const stored = await db().selectFrom('callback_requests').select(['claimed_by', 'status']).executeTakeFirstOrThrow();
    expect(stored).toEqual({ claimed_by: null, status: 'open' });
    // Names and roles only, for the case list's adviser filter: nothing about accounts.
    expect((await caller.users.listActive()).map((member) => Object.keys(member).sort())).toEqual([
      ['fullName', 'id', 'role'],
      ['fullName', 'id', 'role'],
    ]);
  });

  it.each<Role>(['team_lead', 'manager'])('a %s sees the whole team and who can take work', async (role) => {
    const lead = await createUser(db(), { role, fullName: 'Grace Owusu' });
    const adviser = await createUser(db(), { fullName: 'Amira Shah' });
    const leaver = await createUser(db(), { fullName: 'Aaron Leaver' });
    await db().updateTable('users').set({ is_active: false }).where('id', '=', leaver.id).execute();

    const staff = await callerFor(db(), lead).users.listActive();

    expect(staff).toEqual([
      { id: adviser.id, fullName: 'Amira Shah', role: 'adviser' },
      { id: lead.id, fullName: 'Grace Owusu', role },
    ]);
  });
});

describe('callbacks.waitingForContact: an inbound caller who is already in the queue', () => {
  it('finds their waiting request by the number typed in any UK form, and not once it is done', async () => {
    const waiting = await submitCallback(db(), { fullName: 'Gareth Morgan', phone: '07400 100207' });
    await submitCallback(db(), { fullName: 'Someone Else', phone: '07400 100299' });
    const adviser = await createUser(db());
    const caller = callerFor(db(), adviser, { now: TUESDAY_10AM });

    const found = await caller.callbacks.waitingForContact({ phone: '+44 7400 100207' });

    expect(found).toEqual([expect.objectContaining({ id: waiting.id, reference: waiting.reference, fullName: 'Gareth Morgan', attemptCount: 0 })]);
    // Finding who is waiting for us is a look at their record: it is in the audit trail.
    expect(await auditRows(db(), 'callbacks.looked_up')).toEqual([{ actorUserId: adviser.id, entityId: null, details: { ids: [waiting.id] } }]);
    await caller.callbacks.claim({ id: waiting.id });
    await caller.callbacks.logAttempt({ id: waiting.id, outcome: 'declined' });
    expect(await caller.callbacks.waitingForContact({ phone: '07400100207' })).toEqual([]);
  });
});
