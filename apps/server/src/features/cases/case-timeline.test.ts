import { describe, expect, it } from 'vitest';
import { minutesAfter, submitCallback, TUESDAY_10AM } from '../../test/callbacks';
import { openCase } from '../../test/cases';
import { callerFor, createUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';

const db = useTestDatabase();

const at = (minutes: number) => minutesAfter(TUESDAY_10AM, minutes);

describe('cases.timeline', () => {
  it('merges the calls, the opening, notes and changes, newest first', async () => {
    const request = await submitCallback(db(), { fullName: 'Sam Taylor' });
    const adviser = await createUser(db(), { fullName: 'Amira Shah' });
    const colleague = await createUser(db(), { fullName: 'Dan Reid' });
    const adviserAt = (minutes: number) => callerFor(db(), adviser, { now: at(minutes) });
    await adviserAt(5).callbacks.claim({ id: request.id });
    await adviserAt(5).callbacks.logAttempt({ id: request.id, outcome: 'no_answer' });
    await adviserAt(20).callbacks.claim({ id: request.id });
    await adviserAt(20).callbacks.logAttempt({ id: request.id, outcome: 'answered', notes: 'Spoke to Sam' });
    const { caseReference } = await adviserAt(25).callbacks.openCase({ id: request.id });
    const { id } = await adviserAt(25).cases.byReference({ reference: caseReference });
    await adviserAt(30).cases.addNote({ id, body: 'Prefers text messages' });
    await adviserAt(40).cases.setNextAction({ id, version: 1, what: 'Ring back', dueAt: at(24 * 60) });
    await callerFor(db(), colleague, { now: at(50) }).cases.addNote({ id, body: 'Only call after 6pm', isPinned: true });

    const timeline = await callerFor(db(), colleague).cases.timeline({ id });

    expect(timeline.map(({ type, at: when, actorName }) => ({ type, at: when, actorName }))).toEqual([
      { type: 'note', at: at(50), actorName: 'Dan Reid' },
      { type: 'event', at: at(40), actorName: 'Amira Shah' },
      { type: 'note', at: at(30), actorName: 'Amira Shah' },
      { type: 'opened', at: at(25), actorName: 'Amira Shah' },
      { type: 'call', at: at(20), actorName: 'Amira Shah' },
      { type: 'call', at: at(5), actorName: 'Amira Shah' },
    ]);
    expect(timeline).toMatchObject([
      { body: 'Only call after 6pm', isPinned: true },
      { kind: 'next_action_set' },
      { body: 'Prefers text messages', isPinned: false },
      { origin: 'callback' },
      { outcome: 'answered', notes: 'Spoke to Sam', requestReference: request.reference },
      { outcome: 'no_answer', notes: null, requestReference: request.reference },
    ]);
  });

  it('holds only the opening for a case just opened from an inbound call', async () => {
    const adviser = await createUser(db(), { fullName: 'Amira Shah' });
    const { id } = await openCase(db(), adviser, {}, at(0));

    expect(await callerFor(db(), adviser).cases.timeline({ id })).toEqual([{ type: 'opened', id, at: at(0), actorName: 'Amira Shah', origin: 'inbound_call' }]);
  });
});
