import { describe, expect, it } from 'vitest';
import { callbackRequestSchema, logAttemptSchema, type CallbackRequestInput } from './callbacks';

const DAY_MS = 24 * 60 * 60_000;

const validRequest: CallbackRequestInput = {
  fullName: 'Sam Taylor',
  phone: '07400 123456',
  forWhom: 'self',
  bestTime: { kind: 'asap' },
  immediateDanger: false,
  consentToContact: true,
  consentToHealthData: false,
  idempotencyKey: '5f0c3e2a-9b1d-4c7e-8a6f-2d4b1e9c7a30',
};

/** The first message for each field, keyed the way the server's error formatter keys them. */
function fieldErrorsFor(input: unknown): Record<string, string> {
  const result = callbackRequestSchema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[issue.path.join('.')] ??= issue.message;
  return errors;
}

describe('callbackRequestSchema', () => {
  it('accepts a complete request, storing the phone as E.164 and the email in lower case', () => {
    const parsed = callbackRequestSchema.parse({
      ...validRequest,
      email: '  Sam.Taylor@Example.org ',
      message: '  Worried about my drinking  ',
      substances: ['alcohol', 'cocaine'],
    });

    expect(parsed).toMatchObject({
      fullName: 'Sam Taylor',
      phone: '+447400123456',
      email: 'sam.taylor@example.org',
      message: 'Worried about my drinking',
      substances: ['alcohol', 'cocaine'],
    });
  });

  it('treats an empty email and message as not given', () => {
    expect(callbackRequestSchema.parse({ ...validRequest, email: '', message: '   ' })).toMatchObject({
      email: undefined,
      message: undefined,
    });
  });

  it.each([
    ['a number that is not a UK one', { phone: '+1 202 555 0143' }, 'phone', 'Enter a UK phone number, like 07400 123456 or 020 7946 0000'],
    ['an empty phone number', { phone: '  ' }, 'phone', 'Enter a phone number'],
    ['consent to be contacted not given', { consentToContact: false }, 'consentToContact', 'Tick this box so that we can call you back'],
    ['no name', { fullName: ' ' }, 'fullName', 'Enter your name'],
    ['a message of 1,001 characters', { message: 'a'.repeat(1001) }, 'message', 'Message must be at most 1,000 characters'],
    ['a script in the name', { fullName: '<script>alert(1)</script>' }, 'fullName', 'Full name must not contain HTML or other markup'],
    ['a link in the message', { message: 'Call me <a href="https://example.org">here</a>' }, 'message', 'Message must not contain HTML or other markup'],
    ['an email address without a domain', { email: 'sam@' }, 'email', 'Enter an email address like name@example.org, or leave it empty'],
    ['a substance not on the list', { substances: ['alcohol', 'glue'] }, 'substances.1', 'Choose from the list'],
    ['an idempotency key a browser would not make', { idempotencyKey: 'short' }, 'idempotencyKey', 'Reload the page and try again'],
  ])('refuses %s, naming the field', (_what, change, field, message) => {
    expect(fieldErrorsFor({ ...validRequest, ...change })).toEqual({ [field]: message });
  });

  it('accepts a message of exactly 1,000 characters, and a "<" that is not markup', () => {
    expect(fieldErrorsFor({ ...validRequest, message: 'a'.repeat(1000) })).toEqual({});
    expect(fieldErrorsFor({ ...validRequest, message: 'I drink <3 nights a week, honestly' })).toEqual({});
    expect(fieldErrorsFor({ ...validRequest, message: 'When a < b and c > d I panic' })).toEqual({});
  });

  describe('a chosen time to call', () => {
    it('must be in the future', () => {
      const anHourAgo = new Date(Date.now() - 60 * 60_000);
      expect(fieldErrorsFor({ ...validRequest, bestTime: { kind: 'at', at: anHourAgo } })).toEqual({
        'bestTime.at': 'Choose a time in the future',
      });
    });

    it('must be within the next 7 days', () => {
      const inEightDays = new Date(Date.now() + 8 * DAY_MS);
      expect(fieldErrorsFor({ ...validRequest, bestTime: { kind: 'at', at: inEightDays } })).toEqual({
        'bestTime.at': 'Choose a time within the next 7 days',
      });
    });

    it('may be any time in between', () => {
      const inSixDays = new Date(Date.now() + 6 * DAY_MS);
      expect(fieldErrorsFor({ ...validRequest, bestTime: { kind: 'at', at: inSixDays } })).toEqual({});
    });

    it('must be a window the service offers', () => {
      expect(fieldErrorsFor({ ...validRequest, bestTime: { kind: 'midnight' } })).toEqual({ 'bestTime.kind': 'Choose when we should call' });
    });
  });
});

describe('logAttemptSchema', () => {
  const id = '0b9e7d1c-3f4a-4e2b-9c8d-7a6b5c4d3e2f';

  it('asks when to call back when the caller asked us to call later', () => {
    const result = logAttemptSchema.safeParse({ id, outcome: 'call_back_later' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['callBackAt', 'Enter when they asked us to call back'],
    ]);
  });

  it('accepts a call-back time in the future', () => {
    expect(logAttemptSchema.safeParse({ id, outcome: 'call_back_later', callBackAt: new Date(Date.now() + 3 * 60 * 60_000) }).success).toBe(true);
  });
});

describe('logging a call', () => {
  const id = '3f1c2a52-8e2b-4a54-9d57-5c0d1f3e6b10';
  const inAnHour = new Date(Date.now() + 3_600_000);

  it('forgets a call-back time typed before another outcome was chosen', () => {
    expect(logAttemptSchema.parse({ id, outcome: 'no_answer', callBackAt: inAnHour }).callBackAt).toBeUndefined();
    expect(logAttemptSchema.parse({ id, outcome: 'call_back_later', callBackAt: inAnHour }).callBackAt).toEqual(inAnHour);
  });

  it('does not book a call back beyond the next 7 days', () => {
    const inTenDays = new Date(Date.now() + 10 * 86_400_000);
    const result = logAttemptSchema.safeParse({ id, outcome: 'call_back_later', callBackAt: inTenDays });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['callBackAt', 'Choose a time within the next 7 days']]);
  });
});
