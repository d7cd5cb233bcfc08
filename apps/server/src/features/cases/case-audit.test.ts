import { describe, expect, it } from 'vitest';
import { auditRows, minutesAfter } from '../../test/callbacks';
import { assessmentInput, contactInput, JULY_MORNING, openCase, versionsOf } from '../../test/cases';
import { callerFor, createUser, type TestUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';

const db = useTestDatabase();

const AT = minutesAfter(JULY_MORNING, 5);
type Caller = ReturnType<typeof callerFor>;
type Versions = Awaited<ReturnType<typeof versionsOf>>;

describe('reading a case is recorded', () => {
  it('byReference and timeline each record who looked at which case', async () => {
    const adviser = await createUser(db());
    const colleague = await createUser(db());
    const opened = await openCase(db(), adviser);
    const caller = callerFor(db(), colleague, { requestId: 'req-read' });

    await caller.cases.byReference({ reference: opened.reference });
    await caller.cases.timeline({ id: opened.id });

    expect(await auditRows(db(), 'cases.viewed')).toEqual([
      { actorUserId: colleague.id, entityId: opened.id, details: {} },
      { actorUserId: colleague.id, entityId: opened.id, details: { part: 'timeline' } },
    ]);
  });

  it('list and search record the cases they showed, and nothing when they showed none', async () => {
    const adviser = await createUser(db());
    const first = await openCase(db(), adviser, { clientName: 'John Smith' });
    const second = await openCase(db(), adviser, { clientName: 'Alice Jones', phone: '020 7946 0000' });
    const caller = callerFor(db(), adviser);

    const listed = await caller.cases.list({});
    const found = await caller.cases.search({ query: 'John Smith' });
    await caller.cases.search({ query: 'Zebedee Quartermaine' });
    await caller.cases.list({ stage: 'closed' });

    expect(await auditRows(db(), 'cases.listed')).toEqual([{ actorUserId: adviser.id, entityId: null, details: { ids: listed.rows.map((row) => row.id) } }]);
    expect(listed.rows.map((row) => row.id).sort()).toEqual([first.id, second.id].sort());
    expect(await auditRows(db(), 'cases.looked_up')).toEqual([{ actorUserId: adviser.id, entityId: null, details: { ids: [first.id] } }]);
    expect(found.map((row) => row.id)).toEqual([first.id]);
  });
});

interface Change {
  procedure: string;
  change: (caller: Caller, id: string, versions: Versions, people: { colleague: TestUser }) => Promise<unknown>;
  details: (people: { colleague: TestUser; adviser: TestUser }) => Record<string, unknown>;
  /** What the adviser typed about the person: on the case, never in the audit trail. */
  words: string[];
}

const changes: Change[] = [
  {
    procedure: 'updateContact',
    change: (caller, id, versions) =>
      caller.cases.updateContact({
        id,
        version: versions.contact,
        contact: contactInput({ clientName: 'Christopher Morgan-Blake', postcode: 'sw1a1aa', dateOfBirth: '1990-05-17', preferredContactTimes: 'Not when her husband is home' }),
      }),
    details: () => ({ change: 'contact_updated', fields: ['client_name', 'client_date_of_birth', 'postcode', 'preferred_contact_times'] }),
    words: ['Morgan-Blake', 'SW1A 1AA', '1990-05-17', 'husband'],
  },
  {
    procedure: 'recordHealthDataConsent',
    change: (caller, id, versions) => caller.cases.recordHealthDataConsent({ id, version: versions.contact, given: true }),
    details: () => ({ change: 'consent_recorded', consent: 'health_data', given: true }),
    words: [],
  },
  {
    procedure: 'updateAssessment',
    change: (caller, id, versions) =>
      caller.cases.updateAssessment(
        assessmentInput(id, versions.assessment, {
          previousTreatments: [{ where: 'Castle Craig Hospital' }],
          conditions: [{ condition: 'ptsd', status: 'diagnosed' }],
        }),
      ),
    details: () => ({
      change: 'assessment_updated',
      // AUDIT answers are empty before and after: not a change.
      fields: ['substances', 'criteria', 'conditions', 'risk', 'previousTreatments'],
      riskLevel: 'medium',
      previousRiskLevel: null,
      severity: 'severe',
    }),
    words: ['Castle Craig', 'heroin', 'ptsd', 'injected'],
  },
  {
    procedure: 'updateFinances',
    change: (caller, id, versions) =>
      caller.cases.updateFinances({
        id,
        version: versions.finances,
        finances: { fundingRoute: 'family', budgetMaxPence: 1_500_000, policyNumber: 'PMI-55501234', notes: 'Her father is remortgaging' },
      }),
    details: () => ({ change: 'finances_updated', fields: ['funding_route', 'budget_max_pence', 'finance_notes', 'policy_number'] }),
    words: ['PMI-55501234', 'remortgaging', '1500000'],
  },
  {
    procedure: 'setNextAction',
    change: (caller, id, versions) =>
      caller.cases.setNextAction({ id, version: versions.case, what: 'Ring Chris about the detox bed', dueAt: new Date('2026-07-15T09:00:00Z') }),
    details: () => ({ change: 'next_action_set', dueAt: '2026-07-15T09:00:00.000Z' }),
    words: ['detox bed'],
  },
  {
    procedure: 'assign',
    change: (caller, id, versions, { colleague }) => caller.cases.assign({ id, version: versions.case, adviserId: colleague.id }),
    details: ({ adviser, colleague }) => ({ change: 'assigned', from: adviser.id, to: colleague.id }),
    words: [],
  },
  {
    procedure: 'moveStage',
    change: (caller, id, versions) =>
      caller.cases.moveStage({ id, version: versions.case, to: 'closed', closureReason: 'other', reason: 'Her partner reads her texts' }),
    details: () => ({ change: 'stage_moved', from: 'enquiry', to: 'closed', closureReason: 'other' }),
    words: ['partner reads her texts'],
  },
];

describe('every change to a case is recorded, by field name, without the person’s words', () => {
  it.each(changes)('$procedure', async ({ change, details, words }) => {
    const adviser = await createUser(db());
    const colleague = await createUser(db());
    const teamLead = await createUser(db(), { role: 'team_lead' });
    const opened = await openCase(db(), adviser, {}, JULY_MORNING);

    await change(callerFor(db(), teamLead, { now: AT, requestId: 'req-change' }), opened.id, await versionsOf(db(), opened.id), { colleague });

    const updated = await db()
      .selectFrom('audit_events')
      .select(['actor_user_id as actorUserId', 'entity_type as entityType', 'entity_id as entityId', 'request_id as requestId', 'details'])
      .where('action', '=', 'cases.updated')
      .execute();
    expect(updated).toEqual([{ actorUserId: teamLead.id, entityType: 'case', entityId: opened.id, requestId: 'req-change', details: details({ adviser, colleague }) }]);
    const wholeTrail = JSON.stringify(await db().selectFrom('audit_events').select('details').execute());
    for (const word of words) expect(wholeTrail).not.toContain(word);
  });

  it('keeps the reason for a stage move on the case’s timeline', async () => {
    const adviser = await createUser(db());
    const opened = await openCase(db(), adviser, {}, JULY_MORNING);
    const caller = callerFor(db(), adviser, { now: AT });
    await caller.cases.moveStage({ id: opened.id, version: 1, to: 'closed', closureReason: 'other', reason: 'Her partner reads her texts' });

    const timeline = await caller.cases.timeline({ id: opened.id });

    expect(timeline[0]).toMatchObject({
      type: 'event',
      kind: 'stage_moved',
      at: AT,
      details: { from: 'enquiry', to: 'closed', closureReason: 'other', reason: 'Her partner reads her texts' },
    });
  });
});
