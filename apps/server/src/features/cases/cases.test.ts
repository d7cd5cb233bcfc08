import { CONSENT_TO_CONTACT_TEXT, CONSENT_TO_HEALTH_DATA_TEXT } from '@harbour/shared/callbacks';
import type { InboundCallInput } from '@harbour/shared/cases';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../trpc/context';
import { auditRows, countRows, TUESDAY_10AM } from '../../test/callbacks';
import { inboundCall } from '../../test/cases';
import { callerFor, createUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';

const db = useTestDatabase();

async function openInboundCase(adviser: SessionUser, overrides: Partial<InboundCallInput> = {}) {
  return callerFor(db(), adviser, { now: TUESDAY_10AM }).cases.openFromInboundCall(inboundCall(overrides));
}

describe('cases.openFromInboundCall', () => {
  it('opens an enquiry for the person the caller rang about, with the consents given on the call', async () => {
    const adviser = await createUser(db(), { fullName: 'Amira Shah' });

    const opened = await openInboundCase(adviser, { email: 'Pat.Morgan@Example.org', notes: 'Son has been using for two years' });

    expect(opened).toEqual({ reference: expect.stringMatching(/^H-\d{4}-\d{5}$/), isNew: true });
    expect(await callerFor(db(), adviser).cases.byReference({ reference: opened.reference })).toMatchObject({
      stage: 'enquiry',
      origin: 'inbound_call',
      callerName: 'Pat Morgan',
      callerRelation: 'loved_one',
      clientName: 'Chris Morgan',
      phone: '+447400123456',
      email: 'pat.morgan@example.org',
      substances: ['heroin'],
      urgencyReason: null,
      consentToContact: true,
      consentToContactText: CONSENT_TO_CONTACT_TEXT,
      consentToHealthData: true,
      consentToHealthDataText: CONSENT_TO_HEALTH_DATA_TEXT,
      consentedAt: TUESDAY_10AM,
      notes: [expect.objectContaining({ body: 'Son has been using for two years', authorName: 'Amira Shah', isPinned: false })],
      assignedAdviserName: 'Amira Shah',
    });
  });

  it('flags the case when the caller says someone is in danger, or the notes speak of risk', async () => {
    const adviser = await createUser(db());

    const danger = await openInboundCase(adviser, { immediateDanger: true });
    const risk = await openInboundCase(adviser, { notes: 'He has talked about suicide' });

    const caller = callerFor(db(), adviser);
    expect((await caller.cases.byReference({ reference: danger.reference })).urgencyReason).toBe('immediate_danger');
    expect((await caller.cases.byReference({ reference: risk.reference })).urgencyReason).toBe('risk_mentioned');
  });

  it('gives each new enquiry its own reference', async () => {
    const adviser = await createUser(db());

    const references = [(await openInboundCase(adviser)).reference, (await openInboundCase(adviser, { phone: '020 7946 0000' })).reference];

    expect(new Set(references).size).toBe(2);
  });

  it('links the call to an earlier case instead of opening another', async () => {
    const adviser = await createUser(db());
    const first = await openInboundCase(adviser);
    const [earlier] = await callerFor(db(), adviser).cases.previousContacts({ phone: '07400 123456' });

    const linked = await openInboundCase(adviser, {
      existingCaseId: earlier!.id,
      immediateDanger: true,
      substances: ['alcohol'],
      notes: 'Calling again: he is drinking again and talking about ending it',
    });

    expect(linked).toEqual({ reference: first.reference, isNew: false });
    expect(await countRows(db(), 'cases')).toBe(1);
    // What the caller said this time is kept, and the danger they reported now shows on the case.
    const record = await callerFor(db(), adviser).cases.byReference({ reference: first.reference });
    expect(record.urgencyReason).toBe('immediate_danger');
    expect(record.substances).toEqual(['alcohol', 'heroin']);
    expect(record.notes.map((note) => note.body)).toContain('Calling again: he is drinking again and talking about ending it');
    expect(await auditRows(db(), 'cases.contact_recorded')).toEqual([
      { actorUserId: adviser.id, entityId: earlier!.id, details: { via: 'inbound_call', urgencyReason: 'immediate_danger' } },
    ]);
  });

  it('refuses a call without consent to be contacted, or with a number that is not a UK one, naming the field', async () => {
    const adviser = await createUser(db());

    const withoutConsent = await rejectionOf(openInboundCase(adviser, { consentToContact: false } as unknown as Partial<InboundCallInput>));
    const foreignNumber = await rejectionOf(openInboundCase(adviser, { phone: '+1 202 555 0143' }));

    expect(withoutConsent).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { consentToContact: 'The caller must agree to be contacted before an enquiry can be opened' },
    });
    expect(foreignNumber).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { phone: 'Enter a UK phone number, like 07400 123456 or 020 7946 0000' } });
    expect(await countRows(db(), 'cases')).toBe(0);
  });
});

describe('cases.previousContacts: the duplicate check as the adviser types', () => {
  it.each(['07400 123456', '07400123456', '+447400123456', '+44 7400 123456', '0044 7400 123 456', '+44 (0)7400 123456'])(
    'finds an earlier case by phone typed as %s',
    async (typed) => {
      const adviser = await createUser(db());
      const earlier = await openInboundCase(adviser, { phone: '07400 123456' });

      const found = await callerFor(db(), adviser).cases.previousContacts({ phone: typed });

      expect(found).toEqual([
        {
          id: expect.any(String),
          reference: earlier.reference,
          stage: 'enquiry',
          callerName: 'Pat Morgan',
          clientName: 'Chris Morgan',
          callerRelation: 'loved_one',
          openedAt: expect.any(Date),
          stageChangedAt: expect.any(Date),
        },
      ]);
    },
  );

  it('finds an earlier case by email whatever its case, newest first', async () => {
    const adviser = await createUser(db());
    const older = await openInboundCase(adviser, { phone: '020 7946 0000', email: 'pat.morgan@example.org' });
    const newer = await openInboundCase(adviser, { phone: '07400 123456', email: 'pat.morgan@example.org' });

    const found = await callerFor(db(), adviser).cases.previousContacts({ email: ' Pat.Morgan@EXAMPLE.org ' });

    expect(found.map((contact) => contact.reference)).toEqual([newer.reference, older.reference]);
  });

  it('finds nothing for someone new', async () => {
    const adviser = await createUser(db());
    await openInboundCase(adviser);

    expect(await callerFor(db(), adviser).cases.previousContacts({ phone: '07400 654321', email: 'someone.else@example.org' })).toEqual([]);
  });

  it('asks for a phone number or email', async () => {
    const adviser = await createUser(db());

    expect(await rejectionOf(callerFor(db(), adviser).cases.previousContacts({ phone: ' ', email: '' }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { phone: 'Enter a phone number or email' },
    });
  });
});

describe('cases.byReference', () => {
  it('records every look at a case in the audit trail', async () => {
    const adviser = await createUser(db());
    const opened = await openInboundCase(adviser);

    const found = await callerFor(db(), adviser, { requestId: 'req-case-1' }).cases.byReference({ reference: opened.reference.toLowerCase() });

    expect(found.reference).toBe(opened.reference);
    const viewed = await db().selectFrom('audit_events').select(['actor_user_id', 'entity_type', 'entity_id', 'request_id']).where('action', '=', 'cases.viewed').execute();
    expect(viewed).toEqual([{ actor_user_id: adviser.id, entity_type: 'case', entity_id: found.id, request_id: 'req-case-1' }]);
  });

  it('says so when there is no such case, and explains what a reference looks like', async () => {
    const adviser = await createUser(db());
    const caller = callerFor(db(), adviser);

    expect(await rejectionOf(caller.cases.byReference({ reference: 'H-2026-99999' }))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is no case H-2026-99999',
    });
    expect(await rejectionOf(caller.cases.byReference({ reference: 'CB-7K3M9Q' }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { reference: 'Case references look like H-2026-00042' },
    });
    expect(await auditRows(db(), 'cases.viewed')).toEqual([]);
  });
});

describe('who may see and open cases', () => {
  it('nobody signed in', async () => {
    const anonymous = callerFor(db(), null);

    const rejections = await Promise.all([
      rejectionOf(anonymous.cases.byReference({ reference: 'H-2026-00001' })),
      rejectionOf(anonymous.cases.previousContacts({ phone: '07400 123456' })),
      rejectionOf(anonymous.cases.openFromInboundCall(inboundCall())),
    ]);

    expect(rejections.map((rejection) => rejection.code)).toEqual(['UNAUTHORIZED', 'UNAUTHORIZED', 'UNAUTHORIZED']);
    expect(await countRows(db(), 'cases')).toBe(0);
  });
});
