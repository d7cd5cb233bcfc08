import type { Role } from '@harbour/shared/roles';
import { describe, expect, it } from 'vitest';
import { countRows, TUESDAY_10AM } from '../../test/callbacks';
import { assessmentInput, caseRow, contactInput, openCase, versionsOf } from '../../test/cases';
import { callerFor, createUser, type TestUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';

const db = useTestDatabase();

type Caller = ReturnType<typeof callerFor>;

const callerAs = (user: TestUser | null) => callerFor(db(), user, { now: TUESDAY_10AM });
type Versions = Awaited<ReturnType<typeof versionsOf>>;

/** Amira's case, with Dan a colleague on the same shift. */
async function amirasCase() {
  const amira = await createUser(db(), { fullName: 'Amira Shah' });
  const dan = await createUser(db(), { fullName: 'Dan Reid' });
  const opened = await openCase(db(), amira);
  return { amira, dan, ...opened };
}

async function handedBack(opened: { id: string }, adviser: TestUser) {
  await callerAs(adviser).cases.assign({ id: opened.id, version: (await versionsOf(db(), opened.id)).case, adviserId: null });
}

const changes: Array<[string, (caller: Caller, id: string, versions: Versions, self: TestUser) => Promise<unknown>]> = [
  ['updateContact', (caller, id, v) => caller.cases.updateContact({ id, version: v.contact, contact: contactInput({ postcode: 'M1 1AE' }) })],
  ['recordHealthDataConsent', (caller, id, v) => caller.cases.recordHealthDataConsent({ id, version: v.contact, given: true })],
  ['updateAssessment', (caller, id, v) => caller.cases.updateAssessment(assessmentInput(id, v.assessment))],
  ['updateFinances', (caller, id, v) => caller.cases.updateFinances({ id, version: v.finances, finances: { insurer: 'Bupa' } })],
  ['setNextAction', (caller, id, v) => caller.cases.setNextAction({ id, version: v.case, what: 'Ring back', dueAt: new Date('2026-12-02T10:00:00Z') })],
  ['moveStage', (caller, id, v) => caller.cases.moveStage({ id, version: v.case, to: 'closed', closureReason: 'declined' })],
  ['assign to themselves', (caller, id, v, self) => caller.cases.assign({ id, version: v.case, adviserId: self.id })],
];

describe('who may change a case', () => {
  it.each(changes)('another adviser may not %s on a case assigned to someone else', async (_procedure, change) => {
    const { dan, id } = await amirasCase();
    const before = await caseRow(db(), id);

    const rejection = await rejectionOf(change(callerAs(dan), id, await versionsOf(db(), id), dan));

    expect(rejection).toMatchObject({ code: 'FORBIDDEN', message: 'This case is assigned to Amira Shah. Ask them or a team lead to change it.' });
    expect(await caseRow(db(), id)).toEqual(before);
    expect(await countRows(db(), 'case_events')).toBe(0);
  });

  it.each(changes)('any adviser may %s on a case assigned to nobody', async (_procedure, change) => {
    const { amira, dan, id } = await amirasCase();
    await handedBack({ id }, amira);
    const eventsBefore = await countRows(db(), 'case_events');

    await change(callerAs(dan), id, await versionsOf(db(), id), dan);

    expect(await countRows(db(), 'case_events')).toBe(eventsBefore + 1);
  });

  it.each(changes)('a team lead may %s on anyone’s case', async (_procedure, change) => {
    const { id } = await amirasCase();
    const teamLead = await createUser(db(), { role: 'team_lead' });

    await change(callerAs(teamLead), id, await versionsOf(db(), id), teamLead);

    expect(await countRows(db(), 'case_events')).toBe(1);
  });

  it('says on the case page whether the reader may change it', async () => {
    const { amira, dan, reference } = await amirasCase();
    const teamLead = await createUser(db(), { role: 'team_lead' });

    const canChange = async (user: TestUser) => (await callerAs(user).cases.byReference({ reference })).canChange;

    expect([await canChange(amira), await canChange(dan), await canChange(teamLead)]).toEqual([true, false, true]);
  });
});

describe('who a case may be given to', () => {
  it('an adviser cannot give their case to a colleague', async () => {
    const { amira, dan, id } = await amirasCase();

    const rejection = await rejectionOf(callerAs(amira).cases.assign({ id, version: 1, adviserId: dan.id }));

    expect(rejection).toMatchObject({ code: 'FORBIDDEN', message: 'Only a team lead can give a case to someone else' });
    expect((await caseRow(db(), id)).assigned_adviser_id).toBe(amira.id);
  });

  it('an adviser can take a case nobody holds, and hand their own back', async () => {
    const { amira, dan, id } = await amirasCase();
    await handedBack({ id }, amira);
    expect((await caseRow(db(), id)).assigned_adviser_id).toBeNull();

    await callerAs(dan).cases.assign({ id, version: (await versionsOf(db(), id)).case, adviserId: dan.id });

    expect((await caseRow(db(), id)).assigned_adviser_id).toBe(dan.id);
  });

  it('a team lead gives a case to a colleague, but only to active staff', async () => {
    const { dan, id } = await amirasCase();
    const teamLead = await createUser(db(), { role: 'team_lead' });
    const leaver = await createUser(db());
    await db().updateTable('users').set({ is_active: false }).where('id', '=', leaver.id).execute();
    const caller = callerAs(teamLead);

    const rejection = await rejectionOf(caller.cases.assign({ id, version: 1, adviserId: leaver.id }));
    await caller.cases.assign({ id, version: 1, adviserId: dan.id });

    expect(rejection).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { adviserId: 'Choose an active member of staff' } });
    expect((await caseRow(db(), id)).assigned_adviser_id).toBe(dan.id);
  });
});

describe('adding to a case, which anyone on shift may do', () => {
  it('a colleague adds a note to someone else’s case; pinned notes come first', async () => {
    const { dan, id, reference } = await amirasCase();
    const caller = callerAs(dan);

    await caller.cases.addNote({ id, body: 'Rang back, no answer' });
    await caller.cases.addNote({ id, body: 'Only call after 6pm', isPinned: true });

    const { notes } = await caller.cases.byReference({ reference });
    expect(notes.map((note) => [note.body, note.isPinned, note.authorName])).toEqual([
      ['Only call after 6pm', true, 'Dan Reid'],
      ['Rang back, no answer', false, 'Dan Reid'],
    ]);
  });

  it('pinning brings a note to the top, and an unknown note is said to be missing', async () => {
    const { dan, id, reference } = await amirasCase();
    const caller = callerAs(dan);
    const early = await caller.cases.addNote({ id, body: 'Prefers text messages' });
    await caller.cases.addNote({ id, body: 'Rang back, no answer' });

    await caller.cases.pinNote({ noteId: early.id, isPinned: true });
    const missing = await rejectionOf(caller.cases.pinNote({ noteId: '0b9e7d1c-3f4a-4e2b-9c8d-7a6b5c4d3e2f', isPinned: true }));

    expect((await caller.cases.byReference({ reference })).notes[0]).toMatchObject({ body: 'Prefers text messages', isPinned: true });
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: 'That note does not exist' });
  });

  it('nobody signed out may read or add anything', async () => {
    const { id, reference } = await amirasCase();
    const anonymous = callerAs(null);

    const rejections = await Promise.all([
      rejectionOf(anonymous.cases.byReference({ reference })),
      rejectionOf(anonymous.cases.addNote({ id, body: 'Hello' })),
      rejectionOf(anonymous.cases.raiseCrisis({ id })),
      rejectionOf(anonymous.cases.updateContact({ id, version: 1, contact: contactInput() })),
    ]);

    expect(rejections.map((rejection) => rejection.code)).toEqual(['UNAUTHORIZED', 'UNAUTHORIZED', 'UNAUTHORIZED', 'UNAUTHORIZED']);
    expect(await countRows(db(), 'case_notes')).toBe(0);
  });
});

describe('the policy number, shown in full only to managers and the case’s own adviser', () => {
  const POLICY = 'PMI-55501234';

  async function insuredCase() {
    const amira = await createUser(db(), { fullName: 'Amira Shah' });
    const opened = await openCase(db(), amira);
    await callerAs(amira).cases.updateFinances({
      id: opened.id,
      version: 1,
      finances: { fundingRoute: 'private_medical_insurance', insurer: 'Bupa', policyNumber: POLICY },
    });
    return { amira, ...opened };
  }

  it.each<[string, Role | 'assigned adviser', string, boolean]>([
    ['a manager', 'manager', POLICY, false],
    ['the assigned adviser', 'assigned adviser', POLICY, false],
    ['another adviser', 'adviser', '•••• 1234', true],
    ['a team lead', 'team_lead', '•••• 1234', true],
  ])('%s sees %s', async (_who, role, shown, isMasked) => {
    const { amira, reference } = await insuredCase();
    const reader = role === 'assigned adviser' ? amira : await createUser(db(), { role });

    const record = await callerAs(reader).cases.byReference({ reference });

    expect({ policyNumber: record.policyNumber, isPolicyNumberMasked: record.isPolicyNumberMasked }).toEqual({ policyNumber: shown, isPolicyNumberMasked: isMasked });
  });

  it('a team lead saving the finances as shown to them keeps the stored number', async () => {
    const { id, reference } = await insuredCase();
    const teamLead = await createUser(db(), { role: 'team_lead' });
    const caller = callerAs(teamLead);
    const shown = await caller.cases.byReference({ reference });

    await caller.cases.updateFinances({
      id,
      version: shown.financesVersion,
      finances: { fundingRoute: 'private_medical_insurance', insurer: 'Bupa Global', policyNumber: shown.policyNumber ?? undefined },
    });

    expect(await caseRow(db(), id)).toMatchObject({ insurer: 'Bupa Global', policy_number: POLICY });
  });

  it('a team lead records the policy number of a case that had none', async () => {
    const amira = await createUser(db());
    const { id } = await openCase(db(), amira);
    const teamLead = await createUser(db(), { role: 'team_lead' });

    await callerAs(teamLead).cases.updateFinances({ id, version: 1, finances: { insurer: 'Vitality', policyNumber: 'VIT-00998877' } });

    expect(await caseRow(db(), id)).toMatchObject({ insurer: 'Vitality', policy_number: 'VIT-00998877' });
  });
});
