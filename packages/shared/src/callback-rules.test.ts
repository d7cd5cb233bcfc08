import { describe, expect, it } from 'vitest';
import { firstDueAt, mentionsRisk, nextDueAfterUnanswered, urgencyOf, type BestTime } from './callback-rules';

const utc = (iso: string) => new Date(`${iso}Z`);

describe('firstDueAt: when the first call is due', () => {
  it.each<[string, BestTime, string]>([
    ['2026-12-01T10:00', { kind: 'asap' }, '2026-12-01T10:15'],
    ['2026-12-01T07:00', { kind: 'morning' }, '2026-12-01T07:15'],
    ['2026-12-01T22:40', { kind: 'evening' }, '2026-12-01T22:55'],
    ['2026-12-01T10:00', { kind: 'at', at: utc('2026-12-03T10:00') }, '2026-12-01T10:15'],
  ])('an urgent request made at %s asking for %o is due 15 minutes later, at %s', (requestedAt, bestTime, dueAt) => {
    expect(firstDueAt(utc(requestedAt), bestTime, true)).toEqual(utc(dueAt));
  });

  it('"as soon as possible" is due within the hour', () => {
    expect(firstDueAt(utc('2026-12-01T23:30'), { kind: 'asap' }, false)).toEqual(utc('2026-12-02T00:30'));
  });

  // London is on GMT in December and on BST (UTC+1) in July.
  it.each<[string, BestTime['kind'], string, string]>([
    ['before the window, in winter', 'morning', '2026-12-01T07:30', '2026-12-01T09:00'],
    ['inside the window, in winter', 'morning', '2026-12-01T10:00', '2026-12-01T11:00'],
    ['after the window, in winter', 'morning', '2026-12-01T13:00', '2026-12-02T09:00'],
    ['before the window, in summer', 'afternoon', '2026-07-15T10:00', '2026-07-15T11:00'],
    ['inside the window, in summer', 'afternoon', '2026-07-15T12:00', '2026-07-15T13:00'],
    ['after the window, in summer', 'afternoon', '2026-07-15T17:30', '2026-07-16T11:00'],
    ['just before the window, in winter', 'evening', '2026-12-01T16:59', '2026-12-01T17:00'],
    ['in its last minute, in winter', 'evening', '2026-12-01T20:59', '2026-12-01T21:59'],
    ['as it closes, in winter', 'evening', '2026-12-01T21:00', '2026-12-02T17:00'],
  ])('%s: a request for the %s made at %s UTC is due at %s UTC', (_when, kind, requestedAt, dueAt) => {
    expect(firstDueAt(utc(requestedAt), { kind } as BestTime, false)).toEqual(utc(dueAt));
  });

  // Clocks go back at 02:00 BST on Sunday 25 October 2026 and forward at 01:00 GMT on
  // Sunday 29 March 2026: the window opens at London's 09:00 or 17:00 on the new clock.
  it.each<[string, BestTime['kind'], string, string]>([
    ['Saturday afternoon in BST, for the morning after the clocks go back', 'morning', '2026-10-24T12:00', '2026-10-25T09:00'],
    ['Saturday night in BST, for the evening after the clocks go back', 'evening', '2026-10-24T20:30', '2026-10-25T17:00'],
    ['in the repeated hour as the clocks go back', 'morning', '2026-10-25T00:30', '2026-10-25T09:00'],
    ['Saturday afternoon in GMT, for the morning after the clocks go forward', 'morning', '2026-03-28T13:00', '2026-03-29T08:00'],
    ['just before the clocks go forward', 'morning', '2026-03-29T00:30', '2026-03-29T08:00'],
    ['Saturday night in GMT, for the evening after the clocks go forward', 'evening', '2026-03-28T21:30', '2026-03-29T16:00'],
  ])('%s: a request for the %s made at %s UTC is due at %s UTC', (_when, kind, requestedAt, dueAt) => {
    expect(firstDueAt(utc(requestedAt), { kind } as BestTime, false)).toEqual(utc(dueAt));
  });

  it('a chosen date and time is due exactly then', () => {
    const at = utc('2026-12-04T15:45');
    expect(firstDueAt(utc('2026-12-01T10:00'), { kind: 'at', at }, false)).toEqual(at);
  });
});

describe('nextDueAfterUnanswered: the retry schedule', () => {
  it.each<[number, string, string]>([
    [1, '2026-12-01T10:05', '2026-12-01T10:35'],
    [2, '2026-12-01T10:40', '2026-12-01T12:40'],
    [3, '2026-12-01T15:00', '2026-12-02T09:00'],
    [3, '2026-07-15T21:30', '2026-07-16T08:00'],
    [3, '2026-10-24T18:00', '2026-10-25T09:00'],
    [3, '2026-03-28T18:00', '2026-03-29T08:00'],
    // A third call in the small hours is tried again at 9 that same morning.
    [3, '2026-12-02T00:30', '2026-12-02T09:00'],
    [3, '2026-07-16T00:30', '2026-07-16T08:00'],
  ])('after unanswered call %i at %s UTC, calls again at %s UTC', (unanswered, attemptedAt, dueAt) => {
    expect(nextDueAfterUnanswered(utc(attemptedAt), unanswered)).toEqual(utc(dueAt));
  });

  it('after the 4th unanswered call the person counts as unreachable', () => {
    expect(nextDueAfterUnanswered(utc('2026-12-02T09:05'), 4)).toBe('unreachable');
    expect(nextDueAfterUnanswered(utc('2026-12-02T09:05'), 5)).toBe('unreachable');
  });
});

describe('urgency: who jumps the queue', () => {
  it('anyone in immediate danger, whatever they wrote', () => {
    expect(urgencyOf({ immediateDanger: true })).toBe('immediate_danger');
    expect(urgencyOf({ immediateDanger: true, message: 'He keeps talking about suicide' })).toBe('immediate_danger');
  });

  it.each([
    'I have been thinking about suicide',
    'My brother said he wants to kill himself',
    'I keep thinking about killing myself',
    'She is talking about ending her life',
    'I want to die',
    'He has talked about taking his own life',
    "I don't want to be alive any more",
    'I dont want to live like this',
    'My son took an overdose last month',
    'He overdosed twice this year',
    'I self-harm when I drink',
    'I have been harming myself',
    'She keeps hurting herself',
    'Dad had a seizure the last time he stopped drinking',
    'He gets fits when he stops the benzos',
    'I found him unconscious this morning',
    "I can't wake her up",
    'The children are alone when she is using',
  ])('a message that says "%s"', (message) => {
    expect(mentionsRisk(message)).toBe(true);
    expect(urgencyOf({ immediateDanger: false, message })).toBe('risk_mentioned');
  });

  it.each([
    'Looking for help with my drinking',
    'My partner uses cocaine at weekends and I am worried about our savings',
    'Please call after 6pm, I am at work until then',
    'Is rehab covered by private medical insurance?',
    '',
  ])('not an ordinary message like "%s"', (message) => {
    expect(urgencyOf({ immediateDanger: false, message })).toBeNull();
  });

  it('not a request with no message', () => {
    expect(urgencyOf({ immediateDanger: false })).toBeNull();
  });
});
