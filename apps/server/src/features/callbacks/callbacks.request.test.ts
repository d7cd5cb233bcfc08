import { CONSENT_TO_CONTACT_TEXT, CONSENT_TO_HEALTH_DATA_TEXT, type CallbackRequestInput } from '@harbour/shared/callbacks';
import { HELPLINE_PHONE } from '@harbour/shared/helpline';
import { describe, expect, it } from 'vitest';
import { auditRows, callbackRequestInput, countRows, minutesAfter, TUESDAY_10AM } from '../../test/callbacks';
import { callerFor } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';

const db = useTestDatabase();

function visitor(clientIp = '203.0.113.7', now = TUESDAY_10AM) {
  return callerFor(db(), null, { clientIp, now });
}

describe('callbacks.request: the public form', () => {
  it('gives the visitor a reference and the time we will call by', async () => {
    const receipt = await visitor().callbacks.request(callbackRequestInput({ bestTime: { kind: 'asap' } }));

    expect(receipt).toEqual({ reference: expect.stringMatching(/^CB-[0-9A-Z]{6}$/), dueBy: minutesAfter(TUESDAY_10AM, 60), isUrgent: false });
  });

  it('stores what the person told us, with the consent wording they saw and when they agreed', async () => {
    const { reference } = await visitor().callbacks.request(
      callbackRequestInput({
        fullName: 'Jordan Reyes',
        phone: '020 7946 0000',
        email: 'Jordan.Reyes@Example.org',
        forWhom: 'loved_one',
        substances: ['cocaine', 'alcohol'],
        message: 'My brother needs help',
        consentToHealthData: false,
      }),
    );

    const stored = await db().selectFrom('callback_requests').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      full_name: 'Jordan Reyes',
      phone_e164: '+442079460000',
      email: 'jordan.reyes@example.org',
      for_whom: 'loved_one',
      // Without consent to record health information, the substances are not kept.
      substances: [],
      message: 'My brother needs help',
      consent_to_contact: true,
      consent_to_contact_text: CONSENT_TO_CONTACT_TEXT,
      consent_to_health_data: false,
      consent_to_health_data_text: CONSENT_TO_HEALTH_DATA_TEXT,
      requested_at: TUESDAY_10AM,
      status: 'open',
      claimed_by: null,
    });
    expect(await auditRows(db(), 'callbacks.requested')).toEqual([{ actorUserId: null, entityId: stored.id, details: { urgencyReason: null } }]);
  });

  it('keeps the substances when the person agrees to us recording health information', async () => {
    const { reference } = await visitor().callbacks.request(callbackRequestInput({ substances: ['ketamine'], consentToHealthData: true }));

    const stored = await db().selectFrom('callback_requests').select('substances').where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(stored.substances).toEqual(['ketamine']);
  });

  it('makes a request urgent, due within 15 minutes, when someone is in danger or the message mentions risk', async () => {
    const danger = await visitor('203.0.113.8').callbacks.request(callbackRequestInput({ immediateDanger: true, bestTime: { kind: 'evening' } }));
    const risk = await visitor('203.0.113.9').callbacks.request(callbackRequestInput({ message: 'He took an overdose last week' }));

    expect(danger).toMatchObject({ isUrgent: true, dueBy: minutesAfter(TUESDAY_10AM, 15) });
    expect(risk).toMatchObject({ isUrgent: true, dueBy: minutesAfter(TUESDAY_10AM, 15) });
    const reasons = await db().selectFrom('callback_requests').select(['reference', 'urgency_reason']).execute();
    expect(Object.fromEntries(reasons.map((row) => [row.reference, row.urgency_reason]))).toEqual({
      [danger.reference]: 'immediate_danger',
      [risk.reference]: 'risk_mentioned',
    });
  });
});

describe('sending the same form twice', () => {
  it('stores one request and answers both times with the same reference', async () => {
    const input = callbackRequestInput();

    const first = await visitor().callbacks.request(input);
    const second = await visitor().callbacks.request(input);

    expect(second).toEqual(first);
    expect(await countRows(db(), 'callback_requests')).toBe(1);
    expect(await auditRows(db(), 'callbacks.requested')).toHaveLength(1);
  });

  it('stores one request when the copies arrive at the same moment, and counts it once against the address', async () => {
    const input = callbackRequestInput();

    const receipts = await Promise.all(Array.from({ length: 5 }, () => visitor().callbacks.request(input)));

    expect(new Set(receipts.map((receipt) => receipt.reference)).size).toBe(1);
    expect(await countRows(db(), 'callback_requests')).toBe(1);
    expect(await auditRows(db(), 'callbacks.requested')).toHaveLength(1);
    for (let index = 0; index < 4; index += 1) await visitor().callbacks.request(callbackRequestInput());
    expect(await countRows(db(), 'callback_requests')).toBe(5);
  });
});

describe('stopping robots', () => {
  it('refuses a form whose hidden field was filled in, tells a person to phone, and stores nothing', async () => {
    const rejection = await rejectionOf(visitor().callbacks.request(callbackRequestInput({ website: 'https://cheap-pills.example' })));

    expect(rejection.code).toBe('BAD_REQUEST');
    expect(rejection.message).toContain(HELPLINE_PHONE);
    expect(await countRows(db(), 'callback_requests')).toBe(0);
    expect(await countRows(db(), 'audit_events')).toBe(0);
  });

  it('accepts five requests from one address in ten minutes and refuses the sixth, saying what to do instead', async () => {
    for (let minute = 0; minute < 5; minute += 1) {
      await visitor('203.0.113.7', minutesAfter(TUESDAY_10AM, minute)).callbacks.request(callbackRequestInput());
    }

    const rejection = await rejectionOf(visitor('203.0.113.7', minutesAfter(TUESDAY_10AM, 5)).callbacks.request(callbackRequestInput()));

    expect(rejection.code).toBe('TOO_MANY_REQUESTS');
    expect(rejection.message).toContain(`call us on ${HELPLINE_PHONE}`);
    expect(rejection.message).toContain('call 999');
    expect(await countRows(db(), 'callback_requests')).toBe(5);
  });

  it('does not hold one address against another', async () => {
    for (let index = 0; index < 5; index += 1) await visitor('203.0.113.7').callbacks.request(callbackRequestInput());

    await expect(visitor('198.51.100.20').callbacks.request(callbackRequestInput())).resolves.toMatchObject({ isUrgent: false });
    expect(await countRows(db(), 'callback_requests')).toBe(6);
  });

  it('lets the same address ask again once the ten minutes are over', async () => {
    for (let index = 0; index < 5; index += 1) await visitor('203.0.113.7').callbacks.request(callbackRequestInput());

    await expect(visitor('203.0.113.7', minutesAfter(TUESDAY_10AM, 10)).callbacks.request(callbackRequestInput())).resolves.toBeDefined();
  });

  it('does not count a resend of the same form against the address', async () => {
    const resent = callbackRequestInput();
    await visitor().callbacks.request(resent);
    for (let index = 0; index < 3; index += 1) await visitor().callbacks.request(resent);

    for (let index = 0; index < 4; index += 1) await visitor().callbacks.request(callbackRequestInput());

    expect(await countRows(db(), 'callback_requests')).toBe(5);
    expect((await rejectionOf(visitor().callbacks.request(callbackRequestInput()))).code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('bad input', () => {
  // Typed as the form would never send them: what a hand-made request can contain.
  const cases: Array<[string, Record<string, unknown>, string, string]> = [
    ['a phone number that is not a UK one', { phone: '+1 202 555 0143' }, 'phone', 'Enter a UK phone number, like 07400 123456 or 020 7946 0000'],
    ['no consent to be contacted', { consentToContact: false }, 'consentToContact', 'Tick this box so that we can call you back'],
    ['a 10 KB message', { message: 'x'.repeat(10 * 1024) }, 'message', 'Message must be at most 1,000 characters'],
    ['a script in the name', { fullName: '<script>alert(1)</script>' }, 'fullName', 'Full name must not contain HTML or other markup'],
    ['markup in the message', { message: '<img src=x onerror=alert(1)>' }, 'message', 'Message must not contain HTML or other markup'],
  ];

  it.each(cases)('refuses %s, naming the field, and stores nothing', async (_what, change, field, message) => {
    const input = { ...callbackRequestInput(), ...change } as CallbackRequestInput;

    const rejection = await rejectionOf(visitor().callbacks.request(input));

    expect(rejection).toMatchObject({ code: 'BAD_REQUEST', message, fieldErrors: { [field]: message } });
    expect(await countRows(db(), 'callback_requests')).toBe(0);
    expect(await countRows(db(), 'audit_events')).toBe(0);
  });
});
