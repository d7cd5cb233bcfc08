import { BOARD_PAGE_SIZE } from '@harbour/shared/pipeline';
import type { Insertable } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { CasesTable } from '../../db/database';
import { JULY_MORNING, openCase } from '../../test/cases';
import { addClinic, assessedCase } from '../../test/clinics';
import { callerFor, createStaffInBulk, createUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';

const db = useTestDatabase();

const DAY_MS = 24 * 3_600_000;
const daysAfter = (days: number) => new Date(JULY_MORNING.getTime() + days * DAY_MS);
const references = (cards: Array<{ reference: string }>) => cards.map((card) => card.reference);

let referenceSequence = 70_000;

/** Many enquiries at once, written straight to the table (the services would take minutes); `change` varies each. */
async function insertCases(count: number, openedBy: string, change: (index: number) => Partial<Insertable<CasesTable>>) {
  const rows = Array.from({ length: count }, (_, index) => ({
    reference: `H-2026-${String((referenceSequence += 1))}`,
    origin: 'inbound_call' as const,
    caller_name: `Caller ${index}`,
    caller_relation: 'self' as const,
    phone_e164: '+447400123456',
    consent_to_contact: true,
    consent_to_contact_text: 'yes',
    consent_to_health_data: true,
    consent_to_health_data_text: 'yes',
    consented_at: JULY_MORNING,
    opened_by: openedBy,
    ...change(index),
  }));
  for (let start = 0; start < rows.length; start += 1_000) await db().insertInto('cases').values(rows.slice(start, start + 1_000)).execute();
  return rows;
}

describe('the board', () => {
  it('is for team leads and managers', async () => {
    const adviser = await createUser(db());
    expect((await rejectionOf(callerFor(db(), adviser).pipeline.board({}))).code).toBe('FORBIDDEN');
    expect((await rejectionOf(callerFor(db(), null).pipeline.board({}))).code).toBe('UNAUTHORIZED');
  });

  it('shows each stage with its count and cards, most at risk first, then longest in the stage', async () => {
    const adviser = await createUser(db(), { fullName: 'Amira Shah' });
    const lead = await createUser(db(), { role: 'team_lead' });
    const older = await openCase(db(), adviser, { callerName: 'Older Enquiry' }, JULY_MORNING);
    const newer = await openCase(db(), adviser, { callerName: 'Newer Enquiry' }, daysAfter(1));
    const assessed = await assessedCase(db(), adviser, daysAfter(1));

    const board = await callerFor(db(), lead, { now: daysAfter(3) }).pipeline.board({});
    expect(board.counts).toEqual({ enquiry: 2, assessment: 1, placement: 0, aftercare: 0, closed: 0 });
    expect(references(board.columns.enquiry.cards)).toEqual([older.reference, newer.reference]);
    // The assessed case has a risk level; it is the only card in its column.
    expect(board.columns.assessment.cards).toEqual([
      expect.objectContaining({ id: assessed, assignedAdviserName: 'Amira Shah', riskLevel: 'medium', severity: 'severe', stage: 'assessment' }),
    ]);
  });

  it('filters every column the same way: adviser, region, substance, risk, funding, days in stage, next action', async () => {
    const amira = await createUser(db());
    const ben = await createUser(db());
    const lead = await createUser(db(), { role: 'team_lead' });
    const amiras = await openCase(db(), amira, { substances: ['alcohol'] }, JULY_MORNING);
    const bens = await openCase(db(), ben, { substances: ['cocaine'] }, daysAfter(5));
    const assessed = await assessedCase(db(), amira, JULY_MORNING);
    await callerFor(db(), amira, { now: daysAfter(6) }).cases.setNextAction({ id: amiras.id, version: 1, what: 'Ring back', dueAt: daysAfter(6.1) });

    const board = (filters: Parameters<ReturnType<typeof callerFor>['pipeline']['board']>[0]) => callerFor(db(), lead, { now: daysAfter(7) }).pipeline.board(filters);
    const ids = async (filters: Parameters<typeof board>[0]) => {
      const { columns } = await board(filters);
      return Object.values(columns).flatMap((column) => column.cards.map((card) => card.id));
    };
    expect(await ids({ adviserId: ben.id })).toEqual([bens.id]);
    expect(await ids({ substance: 'cocaine' })).toEqual([bens.id]);
    expect(await ids({ region: 'north_west' })).toEqual([assessed]);
    expect(await ids({ risk: 'medium' })).toEqual([assessed]);
    expect(await ids({ fundingRoute: 'self_funded' })).toEqual([assessed]);
    expect((await ids({ minDaysInStage: 5 })).sort()).toEqual([amiras.id, assessed].sort());
    expect((await ids({ noNextAction: true })).sort()).toEqual([bens.id, assessed].sort());
    expect(await ids({ nextActionOverdue: true })).toEqual([amiras.id]);
    expect((await board({ adviserId: ben.id })).counts).toEqual({ enquiry: 1, assessment: 0, placement: 0, aftercare: 0, closed: 0 });
  });

  it('pages a long column on the server', async () => {
    const lead = await createUser(db(), { role: 'team_lead' });
    const [adviser] = await createStaffInBulk(db(), 1);
    const total = BOARD_PAGE_SIZE + 5;
    const rows = await insertCases(total, adviser!.id, (index) => ({ stage_changed_at: new Date(JULY_MORNING.getTime() + index * 60_000) }));
    const caller = callerFor(db(), lead, { now: daysAfter(1) });
    const board = await caller.pipeline.board({});
    expect(board.counts.enquiry).toBe(total);
    expect(board.columns.enquiry).toMatchObject({ hasNextPage: true });
    expect(board.columns.enquiry.cards).toHaveLength(BOARD_PAGE_SIZE);
    const second = await caller.pipeline.column({ stage: 'enquiry', page: 2 });
    expect(second.hasNextPage).toBe(false);
    expect(references(second.cards)).toEqual(rows.slice(BOARD_PAGE_SIZE).map((row) => row.reference));
  });
});

describe('the closed column', () => {
  it('shows cases closed in the last 30 days, most at risk first, then longest closed; one risk level by time closed', async () => {
    const lead = await createUser(db(), { role: 'team_lead' });
    const [adviser] = await createStaffInBulk(db(), 1);
    const closed = (daysAgo: number, risk: 'low' | 'high' | null) => ({ stage: 'closed' as const, closure_reason: 'declined' as const, risk_level: risk, stage_changed_at: daysAfter(-daysAgo) });
    const [longGone, lowRisk, recentHigh, olderHigh, unassessed] = await insertCases(5, adviser!.id, (index) =>
      [closed(40, 'high'), closed(20, 'low'), closed(2, 'high'), closed(12, 'high'), closed(25, null)][index]!,
    );

    const caller = callerFor(db(), lead, { now: daysAfter(0) });
    const column = await caller.pipeline.column({ stage: 'closed', page: 1 });
    expect(references(column.cards)).toEqual([olderHigh!.reference, recentHigh!.reference, lowRisk!.reference, unassessed!.reference]);
    expect(references(column.cards)).not.toContain(longGone!.reference);
    const highOnly = await caller.pipeline.column({ stage: 'closed', filters: { risk: 'high' }, page: 1 });
    expect(references(highOnly.cards)).toEqual([olderHigh!.reference, recentHigh!.reference]);
    expect((await caller.pipeline.board({})).counts.closed).toBe(4);
  });
});

describe('the board with 5,000 open cases', () => {
  it('counts every stage and pages each column on the server, every card once, in order', async () => {
    const lead = await createUser(db(), { role: 'team_lead' });
    const [adviser] = await createStaffInBulk(db(), 1);
    const stages = ['enquiry', 'assessment', 'placement', 'aftercare'] as const;
    const risks = [null, 'low', 'medium', 'high', 'immediate'] as const;
    await insertCases(5_000, adviser!.id, (index) => ({
      stage: stages[index % stages.length],
      risk_level: risks[index % risks.length],
      stage_changed_at: new Date(JULY_MORNING.getTime() - (index % 97) * 3_600_000),
    }));

    const caller = callerFor(db(), lead, { now: daysAfter(1) });
    const board = await caller.pipeline.board({});
    expect(board.counts).toEqual({ enquiry: 1_250, assessment: 1_250, placement: 1_250, aftercare: 1_250, closed: 0 });
    const seen: Array<{ id: string; riskLevel: string | null; stageChangedAt: Date }> = [...board.columns.placement.cards];
    for (let page = 2; ; page += 1) {
      const next = await caller.pipeline.column({ stage: 'placement', page });
      seen.push(...next.cards);
      if (!next.hasNextPage) break;
    }
    expect(seen).toHaveLength(1_250);
    expect(new Set(seen.map((card) => card.id)).size).toBe(1_250);
    // Most at risk first; within a risk level, longest in the stage first.
    const rank = (level: string | null) => ['immediate', 'high', 'medium', 'low', null].indexOf(level);
    for (let index = 1; index < seen.length; index += 1) {
      const [before, after] = [seen[index - 1]!, seen[index]!];
      const order = rank(before.riskLevel) - rank(after.riskLevel) || before.stageChangedAt.getTime() - after.stageChangedAt.getTime();
      expect(order).toBeLessThanOrEqual(0);
    }
  });
});

describe('where a card can go', () => {
  it('gives each stage allowed or refused with the reason, by role', async () => {
    const adviser = await createUser(db());
    const lead = await createUser(db(), { role: 'team_lead' });
    const id = await assessedCase(db(), adviser);
    const forAdviser = await callerFor(db(), adviser).pipeline.moveOptions({ id });
    expect(forAdviser.stage).toBe('assessment');
    expect(Object.fromEntries(forAdviser.options.map((option) => [option.stage, option.check]))).toEqual({
      enquiry: { allowed: false, why: 'Only a team lead can move a case back a stage' },
      placement: { allowed: false, why: 'No confirmed placement with a clinic yet' },
      aftercare: { allowed: false, why: 'Move one stage at a time: next is Placement' },
      closed: { allowed: true },
    });
    const forLead = await callerFor(db(), lead).pipeline.moveOptions({ id });
    expect(forLead.options.find((option) => option.stage === 'enquiry')?.check).toEqual({ allowed: true });
  });
});

describe('stage metrics', () => {
  it('counts conversion to admission for cases opened in the period and the median days in each stage', async () => {
    const adviser = await createUser(db());
    const manager = await createUser(db(), { role: 'manager' });
    const lead = await createUser(db(), { role: 'team_lead' });
    const clinic = await addClinic(db(), manager);
    // Two cases opened on 14 July 2026; one is admitted.
    const admittedCase = await assessedCase(db(), adviser);
    await openCase(db(), adviser, { callerName: 'Stays an enquiry' }, JULY_MORNING);
    const caller = callerFor(db(), adviser, { now: JULY_MORNING });
    const proposed = await caller.placements.propose({ caseId: admittedCase, clinicId: clinic.id, programme: 'residential_rehab', lengthDays: 28, weeklyPricePence: 350_000 });
    const confirmed = await caller.placements.confirm(proposed);
    await callerFor(db(), adviser, { now: daysAfter(2) }).placements.admit({ id: proposed.id, version: confirmed.version, admittedOn: '16/07/2026' });

    const metrics = await callerFor(db(), lead, { now: daysAfter(3) }).pipeline.metrics({ from: '01/07/2026', to: '31/07/2026' });
    expect(metrics.conversion).toEqual({ opened: 2, assessed: 1, admitted: 1, assessedPercent: 50, admittedPercent: 50 });
    expect(metrics.perStage).toMatchObject({ enquiry: 1, placement: 1 });
    const median = Object.fromEntries(metrics.medianDays.map((row) => [row.stage, row.medianDays]));
    // Moved to assessment on the opening call, to placement two days later.
    expect(median).toEqual({ enquiry: 0, assessment: 2 });
    expect(metrics.staleByAdviser).toEqual([expect.objectContaining({ adviserId: adviser.id, open: 2, stale: 1 })]);

    const outside = await callerFor(db(), lead, { now: daysAfter(3) }).pipeline.metrics({ from: '2026-08-01', to: '2026-08-31' });
    expect(outside.conversion).toMatchObject({ opened: 0, admittedPercent: null });
  });

  it('names the field of a bad period', async () => {
    const lead = await createUser(db(), { role: 'team_lead' });
    const refused = await rejectionOf(callerFor(db(), lead).pipeline.metrics({ from: '31/07/2026', to: '01/07/2026' }));
    expect(refused.fieldErrors).toEqual({ to: 'The last day must not be before the first day' });
    expect((await rejectionOf(callerFor(db(), await createUser(db())).pipeline.metrics({ from: '2026-07-01', to: '2026-07-31' }))).code).toBe('FORBIDDEN');
  });
});
