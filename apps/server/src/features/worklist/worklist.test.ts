import { describe, expect, it } from 'vitest';
import { minutesAfter, submitCallback } from '../../test/callbacks';
import { assessmentInput, JULY_MORNING, openCase } from '../../test/cases';
import { callerFor, createUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';

const db = useTestDatabase();

const HOUR = 60;

describe('my work', () => {
  it('lists my claimed calls, my next actions due today, and my high-risk cases nobody has spoken to in a day, most urgent first', async () => {
    const me = await createUser(db());
    const colleague = await createUser(db());
    const now = minutesAfter(JULY_MORNING, 30 * HOUR);

    // A high-risk case assessed on the call that opened it, 30 hours ago, with no call since; and
    // one assessed just now, on a call, which is not listed.
    const atRisk = await openCase(db(), me, { clientName: 'Not spoken to' }, JULY_MORNING);
    const risky = assessmentInput(atRisk.id, 1);
    const riskScreen = { ...risky.risk, overdoseInLast12Months: true, selfHarm: true };
    await callerFor(db(), me, { now: JULY_MORNING }).cases.updateAssessment({ ...risky, risk: riskScreen });
    const spokenTo = await openCase(db(), me, { clientName: 'Spoken to today' }, JULY_MORNING);
    await callerFor(db(), me, { now: minutesAfter(now, -30) }).cases.updateAssessment({ ...assessmentInput(spokenTo.id, 1), risk: riskScreen });

    // A next action overdue and one later today, and one tomorrow (not listed).
    const overdue = await openCase(db(), me, { clientName: 'Overdue action' }, minutesAfter(now, -60));
    const laterToday = await openCase(db(), me, { clientName: 'Later today' }, minutesAfter(now, -60));
    const tomorrow = await openCase(db(), me, { clientName: 'Tomorrow' }, minutesAfter(now, -60));
    const setAction = (id: string, dueAt: Date) => callerFor(db(), me, { now: minutesAfter(now, -50) }).cases.setNextAction({ id, version: 1, what: 'Ring back', dueAt });
    await setAction(overdue.id, minutesAfter(now, -20));
    await setAction(laterToday.id, minutesAfter(now, 3 * HOUR));
    await setAction(tomorrow.id, minutesAfter(now, 30 * HOUR));

    // A callback I claimed, and one my colleague claimed.
    const mine = await submitCallback(db(), { fullName: 'Claimed by me', phone: '07400 111222' }, { now: minutesAfter(now, -10) });
    await callerFor(db(), me, { now: minutesAfter(now, -5) }).callbacks.claim({ id: mine.id });
    const theirs = await submitCallback(db(), { fullName: 'Claimed by them', phone: '07400 333444' }, { now: minutesAfter(now, -10) });
    await callerFor(db(), colleague, { now: minutesAfter(now, -5) }).callbacks.claim({ id: theirs.id });

    const work = await callerFor(db(), me, { now }).worklist.mine();
    expect(work.map((item) => [item.kind, item.name])).toEqual([
      ['no_recent_contact', 'Not spoken to'],
      ['next_action', 'Overdue action'],
      ['callback', 'Claimed by me'],
      ['next_action', 'Later today'],
    ]);
  });

  it('is empty for someone with nothing to do', async () => {
    const me = await createUser(db());
    await expect(callerFor(db(), me).worklist.mine()).resolves.toEqual([]);
  });
});
