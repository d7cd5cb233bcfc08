import { afterEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../trpc/context';
import { auditRows, minutesAfter, submitCallback, TUESDAY_10AM } from '../../test/callbacks';
import { openQueueScreen, type OpenQueueScreen } from '../../test/changes';
import { callerFor, createStaffInBulk, createUser } from '../../test/factories';
import { useTestDatabaseHandle } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';
import { sweepLapsedClaims } from './callbacks.service';

// Enough connections on PostgreSQL that many claims really do run at the same moment.
const database = useTestDatabaseHandle({ poolSize: 16 });
const db = () => database().db;

const CLAIMED_AT = minutesAfter(TUESDAY_10AM, 2);

function claimFor(adviser: SessionUser, id: string, now = CLAIMED_AT) {
  return callerFor(db(), adviser, { now }).callbacks.claim({ id });
}

async function claimerOf(id: string, now: Date) {
  const adviser = await createUser(db());
  const { items } = await callerFor(db(), adviser, { now }).callbacks.queue();
  const row = items.find((item) => item.id === id);
  return row && { id: row.claimedById, name: row.claimedByName };
}

describe('callbacks.claim', () => {
  it('gives the request to exactly one of 50 advisers claiming at once, and tells the other 49 who has it', async () => {
    const request = await submitCallback(db());
    const advisers = await createStaffInBulk(db(), 50);

    const outcomes = await Promise.all(
      advisers.map((adviser) => {
        const claim = claimFor(adviser, request.id);
        return claim.then(
          () => ({ adviser, rejection: null }),
          () => rejectionOf(claim).then((rejection) => ({ adviser, rejection })),
        );
      }),
    );

    const winners = outcomes.filter((outcome) => outcome.rejection === null);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!.adviser;
    const rejections = outcomes.flatMap((outcome) => (outcome.rejection ? [outcome.rejection] : []));
    expect(rejections).toHaveLength(49);
    for (const rejection of rejections) {
      expect(rejection).toMatchObject({ code: 'CONFLICT', message: `Already claimed by ${winner.fullName}` });
    }
    expect(await claimerOf(request.id, CLAIMED_AT)).toEqual({ id: winner.id, name: winner.fullName });
    expect(await auditRows(db(), 'callbacks.claimed')).toEqual([{ actorUserId: winner.id, entityId: request.id, details: {} }]);
  });

  it('lets an adviser claim again what they already hold', async () => {
    const request = await submitCallback(db());
    const adviser = await createUser(db());
    await claimFor(adviser, request.id);

    await expect(claimFor(adviser, request.id, minutesAfter(CLAIMED_AT, 5))).resolves.toEqual({ id: request.id, reference: request.reference });

    expect(await claimerOf(request.id, minutesAfter(CLAIMED_AT, 5))).toEqual({ id: adviser.id, name: adviser.fullName });
  });

  it('says so when the request does not exist', async () => {
    const adviser = await createUser(db());

    expect(await rejectionOf(claimFor(adviser, '00000000-0000-4000-8000-000000000000'))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'That callback request does not exist',
    });
  });
});

describe('a claim with no call logged for 20 minutes', () => {
  it('shows as free in the queue and can be taken by a colleague', async () => {
    const request = await submitCallback(db());
    const first = await createUser(db(), { fullName: 'Amira Shah' });
    const second = await createUser(db(), { fullName: 'Tom Hughes' });
    await claimFor(first, request.id);

    expect(await claimerOf(request.id, minutesAfter(CLAIMED_AT, 19))).toEqual({ id: first.id, name: 'Amira Shah' });
    expect(await rejectionOf(claimFor(second, request.id, minutesAfter(CLAIMED_AT, 19)))).toMatchObject({
      code: 'CONFLICT',
      message: 'Already claimed by Amira Shah',
    });
    expect(await claimerOf(request.id, minutesAfter(CLAIMED_AT, 20))).toEqual({ id: null, name: null });

    await claimFor(second, request.id, minutesAfter(CLAIMED_AT, 21));

    const details = await callerFor(db(), second, { now: minutesAfter(CLAIMED_AT, 21) }).callbacks.byId({ id: request.id });
    expect(details).toMatchObject({ claimedById: second.id, claimedByName: 'Tom Hughes' });
  });
});

describe('sweepLapsedClaims', () => {
  let screen: OpenQueueScreen | undefined;
  afterEach(async () => {
    await screen?.close();
    screen = undefined;
  });

  it('tells open screens when claims lapse, and lets the holder still log the call they were on', async () => {
    const lapsing = await submitCallback(db());
    const kept = await submitCallback(db());
    const adviser = await createUser(db());
    await claimFor(adviser, lapsing.id);
    await claimFor(adviser, kept.id, minutesAfter(CLAIMED_AT, 15));
    screen = await openQueueScreen(database(), adviser);

    expect(await sweepLapsedClaims(db(), minutesAfter(CLAIMED_AT, 19))).toBe(0);
    const swept = await sweepLapsedClaims(db(), minutesAfter(CLAIMED_AT, 20.5));
    // A minute later it is old news: each lapse is announced once.
    expect(await sweepLapsedClaims(db(), minutesAfter(CLAIMED_AT, 21.5))).toBe(0);

    expect(swept).toBe(1);
    expect(await screen.nextChange()).toEqual({ topic: 'callbacks', id: lapsing.id });
    expect(await claimerOf(lapsing.id, minutesAfter(CLAIMED_AT, 21))).toEqual({ id: null, name: null });
    expect(await claimerOf(kept.id, minutesAfter(CLAIMED_AT, 21))).toMatchObject({ id: adviser.id });
    expect(await auditRows(db(), 'callbacks.claims_lapsed')).toEqual([{ actorUserId: null, entityId: null, details: { ids: [lapsing.id] } }]);

    // The adviser was on a long call: nobody took the request, so their call still counts.
    const logged = await callerFor(db(), adviser, { now: minutesAfter(CLAIMED_AT, 25) }).callbacks.logAttempt({ id: lapsing.id, outcome: 'answered' });
    expect(logged.status).toBe('answered');
  });
});

describe('callbacks.claimNext: "Take next call"', () => {
  it('gives advisers pressing it together a different request each, the most pressing first', async () => {
    const later = await submitCallback(db(), { fullName: 'Later Lee' });
    const urgent = await submitCallback(db(), { fullName: 'Danger Dee', immediateDanger: true });
    const overdue = await submitCallback(db(), { fullName: 'Overdue Olu' }, { now: minutesAfter(TUESDAY_10AM, -90) });
    const advisers = await createStaffInBulk(db(), 4);

    const first = await callerFor(db(), advisers[0]!, { now: CLAIMED_AT }).callbacks.claimNext();
    const together = await Promise.all(advisers.slice(1).map((adviser) => callerFor(db(), adviser, { now: CLAIMED_AT }).callbacks.claimNext()));

    expect(first).toEqual({ id: urgent.id, reference: urgent.reference, isAlreadyYours: false });
    expect(together.filter((claimed) => claimed === null)).toHaveLength(1);
    expect(new Set(together.map((claimed) => claimed?.id))).toEqual(new Set([overdue.id, later.id, undefined]));
  });
});

describe('claims nobody can act on', () => {
  it('"Take next call" hands back the request you already hold instead of a second one', async () => {
    const urgent = await submitCallback(db(), { fullName: 'Danger Dee', immediateDanger: true });
    await submitCallback(db(), { fullName: 'Later Lee' });
    const [adviser] = await createStaffInBulk(db(), 1);

    const first = await callerFor(db(), adviser!, { now: CLAIMED_AT }).callbacks.claimNext();
    const again = await callerFor(db(), adviser!, { now: minutesAfter(CLAIMED_AT, 2) }).callbacks.claimNext();

    expect(first).toMatchObject({ id: urgent.id, isAlreadyYours: false });
    expect(again).toEqual({ id: urgent.id, reference: urgent.reference, isAlreadyYours: true });
  });

  it('frees at once the claims of someone whose account is deactivated', async () => {
    const request = await submitCallback(db(), { immediateDanger: true });
    const leaver = await createUser(db(), { fullName: 'Bea Leaving' });
    const manager = await createUser(db(), { role: 'manager' });
    const colleague = await createUser(db(), { fullName: 'Cal Staying' });
    await claimFor(leaver, request.id);

    await callerFor(db(), manager).users.update({ id: leaver.id, isActive: false });

    expect(await claimerOf(request.id, minutesAfter(CLAIMED_AT, 1))).toEqual({ id: null, name: null });
    await callerFor(db(), colleague, { now: minutesAfter(CLAIMED_AT, 1) }).callbacks.claim({ id: request.id });
    expect(await claimerOf(request.id, minutesAfter(CLAIMED_AT, 1))).toEqual({ id: colleague.id, name: 'Cal Staying' });
  });

  it('lets an urgent claim lapse after 10 minutes, before its 15-minute deadline', async () => {
    const request = await submitCallback(db(), { immediateDanger: true });
    const [holder, colleague] = await createStaffInBulk(db(), 2);
    await claimFor(holder!, request.id);

    expect(await claimerOf(request.id, minutesAfter(CLAIMED_AT, 9))).toMatchObject({ id: holder!.id });
    expect(await claimerOf(request.id, minutesAfter(CLAIMED_AT, 11))).toEqual({ id: null, name: null });
    await callerFor(db(), colleague!, { now: minutesAfter(CLAIMED_AT, 11) }).callbacks.claim({ id: request.id });
  });
});

describe('team leads and claims', () => {
  it('a team lead can give a request to an active adviser, who can then call', async () => {
    const request = await submitCallback(db());
    const lead = await createUser(db(), { role: 'team_lead' });
    const adviser = await createUser(db(), { fullName: 'Amira Shah' });
    const colleague = await createUser(db());
    await claimFor(colleague, request.id);

    await callerFor(db(), lead, { now: CLAIMED_AT }).callbacks.assign({ id: request.id, adviserId: adviser.id });

    expect(await claimerOf(request.id, CLAIMED_AT)).toEqual({ id: adviser.id, name: 'Amira Shah' });
    await expect(
      callerFor(db(), adviser, { now: minutesAfter(CLAIMED_AT, 5) }).callbacks.logAttempt({ id: request.id, outcome: 'answered' }),
    ).resolves.toMatchObject({ status: 'answered' });
    expect(await auditRows(db(), 'callbacks.assigned')).toEqual([
      { actorUserId: lead.id, entityId: request.id, details: { from: colleague.id, to: adviser.id } },
    ]);
  });

  it('a team lead cannot give a request to someone who has left', async () => {
    const request = await submitCallback(db());
    const lead = await createUser(db(), { role: 'team_lead' });
    const leaver = await createUser(db());
    await db().updateTable('users').set({ is_active: false }).where('id', '=', leaver.id).execute();

    const rejection = await rejectionOf(callerFor(db(), lead, { now: CLAIMED_AT }).callbacks.assign({ id: request.id, adviserId: leaver.id }));

    expect(rejection).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { adviserId: 'Choose an active member of staff' } });
    expect(await claimerOf(request.id, CLAIMED_AT)).toEqual({ id: null, name: null });
    expect(await auditRows(db(), 'callbacks.assigned')).toEqual([]);
  });

  it("a team lead can release anyone's claim", async () => {
    const request = await submitCallback(db());
    const lead = await createUser(db(), { role: 'team_lead' });
    const adviser = await createUser(db());
    await claimFor(adviser, request.id);

    await callerFor(db(), lead, { now: CLAIMED_AT }).callbacks.release({ id: request.id });

    expect(await claimerOf(request.id, CLAIMED_AT)).toEqual({ id: null, name: null });
    expect(await auditRows(db(), 'callbacks.released')).toEqual([{ actorUserId: lead.id, entityId: request.id, details: { from: adviser.id } }]);
  });

  it("an adviser can release their own claim but not a colleague's", async () => {
    const own = await submitCallback(db());
    const colleagues = await submitCallback(db());
    const adviser = await createUser(db());
    const colleague = await createUser(db(), { fullName: 'Tom Hughes' });
    await claimFor(adviser, own.id);
    await claimFor(colleague, colleagues.id);
    const caller = callerFor(db(), adviser, { now: CLAIMED_AT });

    await caller.callbacks.release({ id: own.id });
    const rejection = await rejectionOf(caller.callbacks.release({ id: colleagues.id }));

    expect(await claimerOf(own.id, CLAIMED_AT)).toEqual({ id: null, name: null });
    expect(rejection).toMatchObject({ code: 'FORBIDDEN', message: "Only a team lead can release a colleague's claim" });
    expect(await claimerOf(colleagues.id, CLAIMED_AT)).toEqual({ id: colleague.id, name: 'Tom Hughes' });
  });

  it('the team overview shows how many live claims each adviser holds', async () => {
    const requests = await Promise.all([submitCallback(db()), submitCallback(db()), submitCallback(db())]);
    const lead = await createUser(db(), { role: 'team_lead' });
    const amira = await createUser(db(), { fullName: 'Amira Shah' });
    const tom = await createUser(db(), { fullName: 'Tom Hughes' });
    await claimFor(amira, requests[0].id);
    await claimFor(amira, requests[1].id);
    await claimFor(tom, requests[2].id, minutesAfter(CLAIMED_AT, -30));

    const overview = await callerFor(db(), lead, { now: CLAIMED_AT }).callbacks.teamOverview();

    // Tom's claim lapsed ten minutes ago: it is no longer his.
    expect(overview.claimsByAdviser).toEqual([{ adviserId: amira.id, fullName: 'Amira Shah', claims: 2 }]);
  });
});
