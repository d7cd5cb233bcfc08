import { describe, expect, it } from 'vitest';
import { auditRows, minutesAfter } from '../../test/callbacks';
import { assessmentInput, caseRow, contactInput, inboundCall, JULY_MORNING, openCase, versionsOf } from '../../test/cases';
import { callerFor, createUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';

const db = useTestDatabase();

type Caller = ReturnType<typeof callerFor>;
type Versions = Awaited<ReturnType<typeof versionsOf>>;
type Row = Awaited<ReturnType<typeof caseRow>>;
type Which = 'first' | 'second';

interface Section {
  procedure: string;
  /** How a conflict names it. */
  name: string;
  version: (versions: Versions) => number;
  /** Saves the section with a value that tells the two saves apart. */
  save: (caller: Caller, target: { id: string; colleagueId: string }, version: number, which: Which) => Promise<unknown>;
  stored: (row: Row) => unknown;
  expected: (which: Which, target: { colleagueId: string }) => unknown;
}

const DUE = minutesAfter(JULY_MORNING, 24 * 60);

const sections: Section[] = [
  {
    procedure: 'updateContact',
    name: 'the contact details',
    version: (versions) => versions.contact,
    save: (caller, { id }, version, which) =>
      caller.cases.updateContact({ id, version, contact: contactInput({ preferredContactTimes: which === 'first' ? 'Mornings' : 'Evenings' }) }),
    stored: (row) => row.preferred_contact_times,
    expected: (which) => (which === 'first' ? 'Mornings' : 'Evenings'),
  },
  {
    procedure: 'updateAssessment',
    name: 'the assessment',
    version: (versions) => versions.assessment,
    save: (caller, { id }, version, which) =>
      caller.cases.updateAssessment(assessmentInput(id, version, { previousTreatments: [{ where: which === 'first' ? 'Priory' : 'Castle Craig' }] })),
    stored: (row) => row.assessment?.previousTreatments[0]?.where,
    expected: (which) => (which === 'first' ? 'Priory' : 'Castle Craig'),
  },
  {
    procedure: 'updateFinances',
    name: 'the finances',
    version: (versions) => versions.finances,
    save: (caller, { id }, version, which) => caller.cases.updateFinances({ id, version, finances: { insurer: which === 'first' ? 'Bupa' : 'AXA Health' } }),
    stored: (row) => row.insurer,
    expected: (which) => (which === 'first' ? 'Bupa' : 'AXA Health'),
  },
  {
    procedure: 'setNextAction',
    name: 'this case',
    version: (versions) => versions.case,
    save: (caller, { id }, version, which) =>
      caller.cases.setNextAction({ id, version, what: which === 'first' ? 'Ring the GP' : 'Send the clinic list', dueAt: DUE }),
    stored: (row) => row.next_action,
    expected: (which) => (which === 'first' ? 'Ring the GP' : 'Send the clinic list'),
  },
  {
    procedure: 'assign',
    name: 'this case',
    version: (versions) => versions.case,
    // The first hands the case back to the team; the second gives it to a colleague.
    save: (caller, { id, colleagueId }, version, which) => caller.cases.assign({ id, version, adviserId: which === 'first' ? null : colleagueId }),
    stored: (row) => row.assigned_adviser_id,
    expected: (which, { colleagueId }) => (which === 'first' ? null : colleagueId),
  },
  {
    procedure: 'moveStage',
    name: 'this case',
    version: (versions) => versions.case,
    save: (caller, { id }, version, which) =>
      caller.cases.moveStage(which === 'first' ? { id, version, to: 'assessment' } : { id, version, to: 'closed', closureReason: 'declined' }),
    stored: (row) => row.stage,
    expected: (which) => (which === 'first' ? 'assessment' : 'closed'),
  },
];

const conflictMessage = (who: string, name: string, at: string) =>
  `${who} changed ${name} at ${at}, after you opened it. Reload to see their change; what you typed stays on screen.`;

async function setUp() {
  const adviser = await createUser(db(), { fullName: 'Amira Shah' });
  const teamLead = await createUser(db(), { fullName: 'Priya Nair', role: 'team_lead' });
  const otherLead = await createUser(db(), { fullName: 'Tom Okafor', role: 'team_lead' });
  const colleague = await createUser(db(), { fullName: 'Dan Reid' });
  const opened = await openCase(db(), adviser, {}, JULY_MORNING);
  return { adviser, teamLead, otherLead, target: { id: opened.id, colleagueId: colleague.id } };
}

describe('a save made from a stale version', () => {
  it.each(sections)('$procedure is refused, naming who changed $name and when, and keeps their change', async (section) => {
    const { adviser, teamLead, target } = await setUp();
    const openedAt = section.version(await versionsOf(db(), target.id));
    await section.save(callerFor(db(), adviser, { now: JULY_MORNING }), target, openedAt, 'first');

    const rejection = await rejectionOf(section.save(callerFor(db(), teamLead, { now: minutesAfter(JULY_MORNING, 3) }), target, openedAt, 'second'));

    expect(rejection).toMatchObject({ code: 'CONFLICT', message: conflictMessage('Amira Shah', section.name, '14/07/2026 10:05') });
    expect(section.stored(await caseRow(db(), target.id))).toEqual(section.expected('first', target));
    expect(section.version(await versionsOf(db(), target.id))).toBe(openedAt + 1);
    expect((await auditRows(db(), 'cases.updated')).map((row) => row.actorUserId)).toEqual([adviser.id]);
  });
});

describe('two saves of one section at once, from the same version', () => {
  it.each(sections)('$procedure: exactly one wins, and the other is told who', async (section) => {
    const { teamLead, otherLead, target } = await setUp();
    const openedAt = section.version(await versionsOf(db(), target.id));
    const saves = { first: callerFor(db(), teamLead, { now: JULY_MORNING }), second: callerFor(db(), otherLead, { now: JULY_MORNING }) };

    const outcomes = await Promise.allSettled([
      section.save(saves.first, target, openedAt, 'first'),
      section.save(saves.second, target, openedAt, 'second'),
    ]);

    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner: Which = outcomes[0].status === 'fulfilled' ? 'first' : 'second';
    const loser = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected')!;
    const winnerName = winner === 'first' ? 'Priya Nair' : 'Tom Okafor';
    expect(await rejectionOf(Promise.reject(loser.reason))).toMatchObject({
      code: 'CONFLICT',
      message: conflictMessage(winnerName, section.name, '14/07/2026 10:05'),
    });
    expect(section.stored(await caseRow(db(), target.id))).toEqual(section.expected(winner, target));
    expect(section.version(await versionsOf(db(), target.id))).toBe(openedAt + 1);
  });
});

describe('each part of the case page has its own version', () => {
  const independent = [sections[0]!, sections[1]!, sections[2]!, sections[3]!];
  const pairs = independent.flatMap((saved) => independent.filter((other) => other !== saved).map((other) => ({ saved, other })));

  it.each(pairs.map(({ saved, other }) => [saved.procedure, other.procedure, saved, other] as const))(
    'after %s, %s from the version read before it still saves',
    async (_saved, _other, saved, other) => {
      const { adviser, target } = await setUp();
      const caller = callerFor(db(), adviser, { now: JULY_MORNING });
      const before = await versionsOf(db(), target.id);
      await saved.save(caller, target, saved.version(before), 'first');

      await other.save(caller, target, other.version(before), 'first');

      const row = await caseRow(db(), target.id);
      expect([saved.stored(row), other.stored(row)]).toEqual([saved.expected('first', target), other.expected('first', target)]);
    },
  );
});

describe('a new call from the person, recorded on their case', () => {
  it('does not make the stage, adviser or next action stale for someone with the case open', async () => {
    const { adviser, teamLead, target } = await setUp();
    const openedAt = await versionsOf(db(), target.id);
    await callerFor(db(), teamLead, { now: JULY_MORNING }).cases.openFromInboundCall(inboundCall({ immediateDanger: true, existingCaseId: target.id }));

    await callerFor(db(), adviser, { now: minutesAfter(JULY_MORNING, 3) }).cases.setNextAction({ id: target.id, version: openedAt.case, what: 'Ring back', dueAt: DUE });

    expect(await caseRow(db(), target.id)).toMatchObject({ urgency_reason: 'immediate_danger', next_action: 'Ring back' });
  });
});
