import type { Role } from '@harbour/shared/roles';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows, minutesAfter, TUESDAY_10AM } from '../../test/callbacks';
import { caseRow, eventKinds, openCase, versionsOf, withSuicidalThoughts } from '../../test/cases';
import { callerFor, createUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';

const db = useTestDatabase();

function crisesOf(caseId: string) {
  return db()
    .selectFrom('case_crises')
    .select(['raised_by as raisedBy', 'raised_at as raisedAt', 'actions', 'details', 'resolved_by as resolvedBy', 'resolved_at as resolvedAt'])
    .where('case_id', '=', caseId)
    .orderBy('raised_at')
    .execute();
}

describe('cases.raiseCrisis', () => {
  it('opens one crisis when two screens raise it at once', async () => {
    const adviser = await createUser(db());
    const colleague = await createUser(db());
    const { id } = await openCase(db(), adviser);

    const outcomes = await Promise.allSettled([
      callerFor(db(), adviser, { now: TUESDAY_10AM }).cases.raiseCrisis({ id }),
      callerFor(db(), colleague, { now: TUESDAY_10AM }).cases.raiseCrisis({ id }),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(await countRows(db(), 'case_crises')).toBe(1);
    expect(await eventKinds(db(), id)).toEqual(['crisis_raised']);
    expect(await auditRows(db(), 'cases.crisis_raised')).toHaveLength(1);
  });

  it('may be raised by anyone on shift, on anyone’s case', async () => {
    const adviser = await createUser(db());
    const colleague = await createUser(db(), { fullName: 'Dan Reid' });
    const { id, reference } = await openCase(db(), adviser);

    await callerFor(db(), colleague, { now: TUESDAY_10AM }).cases.raiseCrisis({ id });

    expect((await callerFor(db(), adviser).cases.byReference({ reference })).openCrisis).toEqual({
      id: expect.any(String),
      raisedAt: TUESDAY_10AM,
      raisedByName: 'Dan Reid',
    });
  });
});

describe('cases.recordCrisisAction', () => {
  const ACTED_AT = minutesAfter(TUESDAY_10AM, 12);

  it('closes the open crisis with what was done, and puts it on the timeline', async () => {
    const adviser = await createUser(db());
    const teamLead = await createUser(db(), { role: 'team_lead', fullName: 'Priya Nair' });
    const { id, reference } = await openCase(db(), adviser);
    await callerFor(db(), adviser, { now: TUESDAY_10AM }).cases.raiseCrisis({ id });

    await callerFor(db(), teamLead, { now: ACTED_AT }).cases.recordCrisisAction({
      id,
      actions: ['stayed_on_line', 'other'],
      details: 'Her sister drove over and stayed with her',
    });

    expect(await crisesOf(id)).toEqual([
      {
        raisedBy: adviser.id,
        raisedAt: TUESDAY_10AM,
        actions: ['stayed_on_line', 'other'],
        details: 'Her sister drove over and stayed with her',
        resolvedBy: teamLead.id,
        resolvedAt: ACTED_AT,
      },
    ]);
    const caller = callerFor(db(), adviser);
    expect((await caller.cases.byReference({ reference })).openCrisis).toBeNull();
    expect((await caller.cases.timeline({ id }))[0]).toMatchObject({
      type: 'event',
      kind: 'crisis_action_recorded',
      actorName: 'Priya Nair',
      at: ACTED_AT,
      details: { actions: ['stayed_on_line', 'other'], details: 'Her sister drove over and stayed with her' },
    });
    expect(await auditRows(db(), 'cases.crisis_action_recorded')).toEqual([
      { actorUserId: teamLead.id, entityId: id, details: { actions: ['stayed_on_line', 'other'] } },
    ]);
  });

  it('records what was done even when the alert never arrived, as a crisis raised and resolved at once', async () => {
    const adviser = await createUser(db());
    const { id } = await openCase(db(), adviser);

    await callerFor(db(), adviser, { now: ACTED_AT }).cases.recordCrisisAction({ id, actions: ['called_999'] });

    expect(await crisesOf(id)).toEqual([
      { raisedBy: adviser.id, raisedAt: ACTED_AT, actions: ['called_999'], details: null, resolvedBy: adviser.id, resolvedAt: ACTED_AT },
    ]);
  });

  it('lets a new crisis open once the last was resolved', async () => {
    const adviser = await createUser(db());
    const { id } = await openCase(db(), adviser);
    await callerFor(db(), adviser, { now: TUESDAY_10AM }).cases.raiseCrisis({ id });
    await callerFor(db(), adviser, { now: ACTED_AT }).cases.recordCrisisAction({ id, actions: ['samaritans'] });

    await callerFor(db(), adviser, { now: minutesAfter(ACTED_AT, 60) }).cases.raiseCrisis({ id });

    expect((await crisesOf(id)).map((crisis) => crisis.resolvedAt)).toEqual([ACTED_AT, null]);
  });
});

describe('cases.openCrises: what a team lead’s alert shows', () => {
  it.each<[Role, boolean]>([
    ['team_lead', true],
    ['manager', true],
    ['adviser', false],
  ])('%s may see the open crises: %s', async (role, isAllowed) => {
    const adviser = await createUser(db());
    const waiting = await openCase(db(), adviser, { clientName: 'Chris Morgan' });
    const resolved = await openCase(db(), adviser, { clientName: 'Sam Lee', phone: '020 7946 0000' });
    const caller = callerFor(db(), adviser, { now: TUESDAY_10AM });
    await caller.cases.raiseCrisis({ id: waiting.id });
    await caller.cases.raiseCrisis({ id: resolved.id });
    await caller.cases.recordCrisisAction({ id: resolved.id, actions: ['nhs_111'] });
    const reader = await createUser(db(), { role });

    const call = callerFor(db(), reader).cases.openCrises();

    if (isAllowed) {
      expect(await call).toEqual([
        expect.objectContaining({ caseId: waiting.id, reference: waiting.reference, clientName: 'Chris Morgan', raisedAt: TUESDAY_10AM }),
      ]);
      expect(await auditRows(db(), 'cases.crises_listed')).toEqual([{ actorUserId: reader.id, entityId: null, details: { ids: [waiting.id] } }]);
    } else {
      expect(await rejectionOf(call)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await auditRows(db(), 'cases.crises_listed')).toEqual([]);
    }
  });
});

describe('an open crisis and the rest of the case', () => {
  it('keeps the case from closing until what was done is recorded, even for a team lead', async () => {
    const adviser = await createUser(db());
    const teamLead = await createUser(db(), { role: 'team_lead' });
    const { id } = await openCase(db(), adviser);
    await callerFor(db(), adviser, { now: TUESDAY_10AM }).cases.raiseCrisis({ id });
    const close = async () =>
      callerFor(db(), teamLead, { now: minutesAfter(TUESDAY_10AM, 5) }).cases.moveStage({
        id,
        to: 'closed',
        closureReason: 'unreachable',
        version: (await versionsOf(db(), id)).case,
      });

    expect(await rejectionOf(close())).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { to: 'The crisis protocol is open: record what was done before closing the case' },
    });
    expect((await caseRow(db(), id)).stage).toBe('enquiry');

    await callerFor(db(), adviser, { now: minutesAfter(TUESDAY_10AM, 3) }).cases.recordCrisisAction({ id, actions: ['chosen_by_mistake'] });
    await close();
    expect((await caseRow(db(), id)).stage).toBe('closed');
  });

  it('raises nothing more when the assessment is saved after the crisis was dealt with', async () => {
    const adviser = await createUser(db());
    const { id } = await openCase(db(), adviser);
    const caller = callerFor(db(), adviser, { now: TUESDAY_10AM });
    await caller.cases.raiseCrisis({ id });
    await caller.cases.recordCrisisAction({ id, actions: ['nhs_111', 'safety_plan'] });

    await caller.cases.updateAssessment(withSuicidalThoughts(id, (await versionsOf(db(), id)).assessment, 'active_with_plan'));

    expect(await crisesOf(id)).toHaveLength(1);
    expect(await auditRows(db(), 'cases.crisis_raised')).toHaveLength(1);
  });
});
