import { describe, expect, it } from 'vitest';
import { minutesAfter, submitCallback, TUESDAY_10AM } from '../../test/callbacks';
import { caseRow, openCase } from '../../test/cases';
import { callerFor, createUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';

const db = useTestDatabase();

const LATER = minutesAfter(TUESDAY_10AM, 60);

/** Pat has a case, a request on the queue from the same number, and one a colleague gave up on. */
async function patWithRequests() {
  const adviser = await createUser(db(), { role: 'adviser', fullName: 'Amira Shah' });
  const lead = await createUser(db(), { role: 'team_lead' });
  const manager = await createUser(db(), { role: 'manager', fullName: 'Morgan Reed' });
  const pat = await openCase(db(), adviser, { callerName: 'Pat Morgan', phone: '07400 111222' });
  const waiting = await submitCallback(db(), { fullName: 'Pat Morgan', phone: '07400 111222', email: undefined });
  const givenUp = await submitCallback(db(), { fullName: 'Pat Morgan', phone: '07400 111222', email: undefined });
  await db().updateTable('callback_requests').set({ status: 'unreachable' }).where('id', '=', givenUp.id).execute();
  const stranger = await submitCallback(db(), { fullName: 'Robin Hale', phone: '07400 999888', email: undefined });
  return { adviser, lead, manager, pat, waiting, givenUp, stranger };
}

const statusOf = async (id: string) => (await db().selectFrom('callback_requests').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

describe('withdrawing consent to contact', () => {
  it('is recorded with when, how and by whom, shown on the case, and takes their requests out of the queue', async () => {
    const { adviser, manager, pat, waiting, stranger } = await patWithRequests();
    const result = await callerFor(db(), manager, { now: LATER }).privacy.withdrawContactConsent({ reference: pat.reference, withdrawnOn: '28/11/2026', via: 'phone' });
    expect(result).toEqual({ closedRequests: 1 });

    const page = await callerFor(db(), adviser, { now: LATER }).cases.byReference({ reference: pat.reference });
    expect(page).toMatchObject({ contactWithdrawnOn: '2026-11-28', contactWithdrawnVia: 'phone', contactWithdrawnByName: 'Morgan Reed', nextAction: null });
    expect(await statusOf(waiting.id)).toBe('declined');
    expect(await statusOf(stranger.id)).toBe('open');
    const queue = await callerFor(db(), adviser, { now: LATER }).callbacks.queue();
    expect(JSON.stringify(queue)).not.toContain(waiting.reference);

    const [entry] = await db().selectFrom('audit_events').select(['actor_user_id', 'details']).where('action', '=', 'privacy.contact_withdrawn').execute();
    expect(entry).toEqual({ actor_user_id: manager.id, details: { via: 'phone', closedRequestIds: [waiting.id] } });
  });

  it('refuses a call, a reopened request or a next action for them, saying why', async () => {
    const { adviser, lead, manager, pat, waiting, givenUp } = await patWithRequests();
    await callerFor(db(), manager, { now: LATER }).privacy.withdrawContactConsent({ reference: pat.reference, withdrawnOn: '28/11/2026', via: 'email' });
    const why = 'Pat Morgan withdrew consent to be contacted on 28/11/2026';

    const reopened = await rejectionOf(callerFor(db(), lead, { now: LATER }).callbacks.reopen({ id: givenUp.id }));
    expect(reopened).toMatchObject({ code: 'BAD_REQUEST', message: `${why}: do not call them about this request` });
    expect(await statusOf(givenUp.id)).toBe('unreachable');

    // A request still open when the withdrawal was recorded (a screen that had not caught up).
    await db().updateTable('callback_requests').set({ status: 'open', claimed_by: adviser.id, claim_expires_at: minutesAfter(LATER, 30) }).where('id', '=', waiting.id).execute();
    const call = await rejectionOf(callerFor(db(), adviser, { now: LATER }).callbacks.logAttempt({ id: waiting.id, outcome: 'answered' }));
    expect(call.message).toBe(`${why}: do not call them about this request`);
    expect(await db().selectFrom('callback_attempts').select('id').execute()).toEqual([]);

    const { version } = await caseRow(db(), pat.id);
    const nextAction = await rejectionOf(
      callerFor(db(), adviser, { now: LATER }).cases.setNextAction({ id: pat.id, version, what: 'Ring Pat back', dueAt: minutesAfter(LATER, 60) }),
    );
    expect(nextAction.message).toBe(`${why}: no next action can be planned`);
  });

  it('takes a high-risk person nobody has spoken to off the adviser\'s list to chase', async () => {
    const { adviser, manager, pat } = await patWithRequests();
    await db().updateTable('cases').set({ risk_level: 'high' }).where('id', '=', pat.id).execute();
    const twoDaysLater = minutesAfter(LATER, 2 * 24 * 60);
    const chased = async () => (await callerFor(db(), adviser, { now: twoDaysLater }).worklist.mine()).filter((item) => item.kind === 'no_recent_contact');
    expect((await chased()).map((item) => item.reference)).toEqual([pat.reference]);

    await callerFor(db(), manager, { now: LATER }).privacy.withdrawContactConsent({ reference: pat.reference, withdrawnOn: '28/11/2026', via: 'phone' });
    expect(await chased()).toEqual([]);
  });

  it('keeps a new request from them, flagged, and lets an adviser answer it: asking again is how they change their mind', async () => {
    const { adviser, manager, pat } = await patWithRequests();
    await callerFor(db(), manager, { now: LATER }).privacy.withdrawContactConsent({ reference: pat.reference, withdrawnOn: '28/11/2026', via: 'letter' });

    const again = await submitCallback(db(), { fullName: 'Pat Morgan', phone: '07400 111222', email: undefined }, { now: minutesAfter(LATER, 5) });
    const stored = await db().selectFrom('callback_requests').select(['status', 'follows_withdrawal_on']).where('id', '=', again.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'open', follows_withdrawal_on: '2026-11-28' });

    const caller = callerFor(db(), adviser, { now: minutesAfter(LATER, 10) });
    expect(await caller.callbacks.byId({ id: again.id })).toMatchObject({ followsWithdrawalOn: '2026-11-28' });
    await caller.callbacks.claim({ id: again.id });
    await expect(caller.callbacks.logAttempt({ id: again.id, outcome: 'answered' })).resolves.toMatchObject({ status: 'answered' });
  });

  it('is recorded once, names the field for a date to come', async () => {
    const { manager, pat } = await patWithRequests();
    const caller = callerFor(db(), manager, { now: LATER });
    const future = await rejectionOf(caller.privacy.withdrawContactConsent({ reference: pat.reference, withdrawnOn: '01/01/2099', via: 'phone' }));
    expect(future.fieldErrors).toEqual({ withdrawnOn: 'Date they told us cannot be in the future' });

    await caller.privacy.withdrawContactConsent({ reference: pat.reference, withdrawnOn: '28/11/2026', via: 'phone' });
    const twice = await rejectionOf(caller.privacy.withdrawContactConsent({ reference: pat.reference, withdrawnOn: '28/11/2026', via: 'phone' }));
    expect(twice).toMatchObject({ code: 'CONFLICT', message: 'Withdrawal of consent was already recorded, on 28/11/2026' });
  });
});
