import type { CaseListInput } from '@harbour/shared/case-record';
import { describe, expect, it } from 'vitest';
import { auditRows, minutesAfter, TUESDAY_10AM } from '../../test/callbacks';
import { openCase, versionsOf, withSuicidalThoughts } from '../../test/cases';
import { callerFor, createUser, type TestUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';

const db = useTestDatabase();

const at = (minutes: number) => minutesAfter(TUESDAY_10AM, minutes);

async function clientNames(user: TestUser, input: CaseListInput) {
  const page = await callerFor(db(), user, { now: at(60) }).cases.list(input);
  return page.rows.map((row) => row.clientName);
}

describe('cases.list: paging', () => {
  it('shows 25 cases a page and says whether another page follows', async () => {
    const adviser = await createUser(db());
    for (let index = 0; index < 30; index += 1) await openCase(db(), adviser, { clientName: `Client ${index}` }, at(index));
    const caller = callerFor(db(), adviser);

    const first = await caller.cases.list({ sort: 'newest' });
    const second = await caller.cases.list({ sort: 'newest', page: 2 });
    const third = await caller.cases.list({ sort: 'newest', page: 3 });

    expect([first.rows.length, first.hasNextPage, first.page, first.pageSize]).toEqual([25, true, 1, 25]);
    expect([second.rows.length, second.hasNextPage]).toEqual([5, false]);
    expect([third.rows.length, third.hasNextPage]).toEqual([0, false]);
    expect([...first.rows, ...second.rows].map((row) => row.clientName)).toEqual(Array.from({ length: 30 }, (_, index) => `Client ${29 - index}`));
    expect((await auditRows(db(), 'cases.listed')).map((row) => (row.details as { ids: string[] }).ids.length)).toEqual([25, 5]);
  });
});

describe('cases.list: sorting', () => {
  /**
   * Three cases opened ten minutes apart, then changed: Zoe's moved to assessment at +30
   * and given the soonest next action at +60; Yan assessed as high risk at +40; Xavier
   * given a later next action at +50.
   */
  async function threeCases() {
    const adviser = await createUser(db());
    const xavier = await openCase(db(), adviser, { clientName: 'Xavier' }, at(0));
    const yan = await openCase(db(), adviser, { clientName: 'Yan', phone: '020 7946 0000' }, at(10));
    const zoe = await openCase(db(), adviser, { clientName: 'Zoe', phone: '07911 123456' }, at(20));
    const caller = (minutes: number) => callerFor(db(), adviser, { now: at(minutes) });
    await caller(30).cases.moveStage({ id: zoe.id, version: 1, to: 'assessment' });
    await caller(40).cases.updateAssessment(withSuicidalThoughts(yan.id, 1, 'passive'));
    await caller(50).cases.setNextAction({ id: xavier.id, version: 1, what: 'Ring back', dueAt: at(48 * 60) });
    await caller(60).cases.setNextAction({ id: zoe.id, version: 2, what: 'Ring back', dueAt: at(24 * 60) });
    return adviser;
  }

  it.each<[CaseListInput['sort'], string[]]>([
    ['recently_updated', ['Zoe', 'Xavier', 'Yan']],
    ['newest', ['Zoe', 'Yan', 'Xavier']],
    ['longest_in_stage', ['Xavier', 'Yan', 'Zoe']],
    ['next_action_due', ['Zoe', 'Xavier', 'Yan']],
    // Never assessed sorts after every assessed case, most recently updated first.
    ['highest_risk', ['Yan', 'Zoe', 'Xavier']],
  ])('%s', async (sort, names) => {
    const adviser = await threeCases();

    expect(await clientNames(adviser, { sort })).toEqual(names);
  });
});

describe('cases.list: highest risk within one risk level', () => {
  it('is most recently updated first', async () => {
    const adviser = await createUser(db());
    for (const [clientName, updatedMinutes] of [['Ada', 5], ['Bo', 15], ['Cy', 10]] as const) {
      const opened = await openCase(db(), adviser, { clientName }, at(0));
      await db().updateTable('cases').set({ risk_level: 'high', updated_at: at(updatedMinutes) }).where('id', '=', opened.id).execute();
    }
    await openCase(db(), adviser, { clientName: 'Dee' }, at(20));

    expect(await clientNames(adviser, { sort: 'highest_risk', risk: 'high' })).toEqual(['Bo', 'Cy', 'Ada']);
  });
});

describe('cases.list: whose cases, and which', () => {
  /** Amira holds Anna's and Adam's cases, Ben holds Bea's, and Nell's is nobody's. */
  async function casesOfTwoAdvisers() {
    const amira = await createUser(db());
    const ben = await createUser(db());
    await openCase(db(), amira, { clientName: 'Anna' }, at(0));
    const adam = await openCase(db(), amira, { clientName: 'Adam' }, at(1));
    await openCase(db(), ben, { clientName: 'Bea' }, at(2));
    const nell = await openCase(db(), ben, { clientName: 'Nell' }, at(3));
    const amiraAt = callerFor(db(), amira, { now: at(10) });
    await amiraAt.cases.moveStage({ id: adam.id, version: 1, to: 'assessment' });
    await amiraAt.cases.updateAssessment(withSuicidalThoughts(adam.id, 1, 'passive'));
    await callerFor(db(), ben, { now: at(11) }).cases.assign({ id: nell.id, version: (await versionsOf(db(), nell.id)).case, adviserId: null });
    return { amira, ben };
  }

  it.each<[string, (people: { amira: TestUser; ben: TestUser }) => CaseListInput, string[]]>([
    ['all cases', () => ({ scope: 'all', sort: 'newest' }), ['Nell', 'Bea', 'Adam', 'Anna']],
    ['my cases', () => ({ scope: 'mine', sort: 'newest' }), ['Adam', 'Anna']],
    ['"mine" over any adviser chosen', ({ ben }) => ({ scope: 'mine', adviserId: ben.id, sort: 'newest' }), ['Adam', 'Anna']],
    ['another adviser’s', ({ ben }) => ({ adviserId: ben.id, sort: 'newest' }), ['Bea']],
    ['nobody’s', () => ({ adviserId: 'unassigned', sort: 'newest' }), ['Nell']],
    ['in assessment', () => ({ stage: 'assessment', sort: 'newest' }), ['Adam']],
    ['at high risk', () => ({ risk: 'high', sort: 'newest' }), ['Adam']],
    ['in enquiry and nobody’s', () => ({ stage: 'enquiry', adviserId: 'unassigned', sort: 'newest' }), ['Nell']],
    ['at immediate risk', () => ({ risk: 'immediate' }), []],
  ])('%s', async (_which, input, names) => {
    const people = await casesOfTwoAdvisers();

    expect(await clientNames(people.amira, input(people))).toEqual(names);
  });
});
