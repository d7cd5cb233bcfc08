import type { Role } from '@harbour/shared/roles';
import { describe, expect, it } from 'vitest';
import { assessmentInput, contactInput, JULY_MORNING, versionsOf } from '../test/cases';
import { addClinic, assessedCase } from '../test/clinics';
import { callerFor, createUser, type TestUser } from '../test/factories';
import { placedCase, type PlacementPlan } from '../test/placements';
import { useTestDatabase } from '../test/test-database';
import { rejectionOf } from '../test/trpc-errors';
import { appRouter } from './router';

// Who may call every procedure, written out by hand rather than read from the code: a
// procedure added without a line here fails the first test, and one whose guard changes fails
// the second. Each procedure is called with no input, so an allowed caller is stopped by the
// input check (or served) and a refused one by the guard, which runs first.

type Caller = 'anonymous' | Role;
const callers: Caller[] = ['anonymous', 'adviser', 'team_lead', 'manager'];

const PUBLIC: Caller[] = ['anonymous', 'adviser', 'team_lead', 'manager'];
const STAFF: Caller[] = ['adviser', 'team_lead', 'manager'];
const SUPERVISORS: Caller[] = ['team_lead', 'manager'];
const MANAGERS: Caller[] = ['manager'];

const matrix: Record<string, Caller[]> = {
  'auth.login': PUBLIC,
  'auth.verifyCode': PUBLIC,
  'auth.logout': PUBLIC,
  'auth.me': STAFF,

  'mfa.status': STAFF,
  'mfa.startEnrolment': STAFF,
  'mfa.confirmEnrolment': STAFF,
  'mfa.regenerateRecoveryCodes': STAFF,
  'mfa.turnOff': STAFF,

  'sessions.mine': STAFF,
  'sessions.endOthers': STAFF,

  'users.list': MANAGERS,
  'users.listActive': STAFF,
  'users.create': MANAGERS,
  'users.update': MANAGERS,
  'users.resetPassword': MANAGERS,
  'users.changeOwnPassword': STAFF,
  'users.securityOverview': MANAGERS,
  'users.endSessions': MANAGERS,
  'users.resetTwoStep': MANAGERS,

  'callbacks.request': PUBLIC,
  'callbacks.queue': STAFF,
  'callbacks.byId': STAFF,
  'callbacks.claim': STAFF,
  'callbacks.claimNext': STAFF,
  'callbacks.release': STAFF,
  'callbacks.assign': SUPERVISORS,
  'callbacks.logAttempt': STAFF,
  'callbacks.reopen': SUPERVISORS,
  'callbacks.openCase': STAFF,
  'callbacks.forCase': STAFF,
  'callbacks.waitingForContact': STAFF,
  'callbacks.teamOverview': SUPERVISORS,
  'callbacks.onChange': STAFF,

  'cases.byReference': STAFF,
  'cases.list': STAFF,
  'cases.search': STAFF,
  'cases.timeline': STAFF,
  'cases.previousContacts': STAFF,
  'cases.openFromInboundCall': STAFF,
  'cases.updateContact': STAFF,
  'cases.recordHealthDataConsent': STAFF,
  'cases.updateAssessment': STAFF,
  'cases.updateFinances': STAFF,
  'cases.setNextAction': STAFF,
  'cases.assign': STAFF,
  'cases.moveStage': STAFF,
  'cases.addNote': STAFF,
  'cases.pinNote': STAFF,
  'cases.raiseCrisis': STAFF,
  'cases.recordCrisisAction': STAFF,
  'cases.openCrises': SUPERVISORS,
  'cases.onChange': STAFF,
  'cases.onCrisis': SUPERVISORS,

  'clinics.list': STAFF,
  'clinics.byId': STAFF,
  'clinics.create': MANAGERS,
  'clinics.update': MANAGERS,
  'clinics.confirmBeds': STAFF,
  'clinics.match': STAFF,

  'placements.propose': STAFF,
  'placements.confirm': STAFF,
  'placements.admit': STAFF,
  'placements.discharge': STAFF,
  'placements.cancel': STAFF,

  'aftercare.savePlan': STAFF,
  'aftercare.recordCheckIn': STAFF,
  'aftercare.dueCheckIns': STAFF,

  'pipeline.board': SUPERVISORS,
  'pipeline.column': SUPERVISORS,
  'pipeline.metrics': SUPERVISORS,
  'pipeline.moveOptions': STAFF,

  'worklist.mine': STAFF,

  'reports.placements': SUPERVISORS,
  'reports.service': SUPERVISORS,
  'reports.shift': SUPERVISORS,

  'privacy.findSubject': MANAGERS,
  'privacy.subjectAccess': MANAGERS,
  'privacy.erase': MANAGERS,
  'privacy.withdrawContactConsent': MANAGERS,
  'privacy.retentionStatus': MANAGERS,
};

const procedurePaths = Object.keys((appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures).sort();

const db = useTestDatabase();

/** The error code a call ends with, or 'served' when it returned. */
async function answerTo(user: TestUser | null, path: string): Promise<string> {
  const caller = callerFor(db(), user) as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
  const [group, name] = path.split('.') as [string, string];
  try {
    const result = await caller[group]![name]!(undefined);
    // A subscription is a stream: close it, the guard has already let it open.
    await (result as { return?: () => Promise<unknown> } | null)?.return?.();
    return 'served';
  } catch (error) {
    return (await rejectionOf(Promise.reject(error))).code;
  }
}

describe('the authorization matrix', () => {
  it('has a line for every procedure, and none for a procedure that is gone', () => {
    expect(Object.keys(matrix).sort()).toEqual(procedurePaths);
  });

  it('lets each procedure be called by exactly the roles on its line; anonymous callers are asked to sign in', async () => {
    const users: Record<Caller, TestUser | null> = {
      anonymous: null,
      adviser: await createUser(db(), { role: 'adviser' }),
      team_lead: await createUser(db(), { role: 'team_lead' }),
      manager: await createUser(db(), { role: 'manager' }),
    };
    const unexpected: string[] = [];
    for (const path of procedurePaths) {
      for (const who of callers) {
        const answer = await answerTo(users[who], path);
        const isAllowed = matrix[path]!.includes(who);
        const expected = isAllowed ? 'allowed' : who === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN';
        const got = answer === 'UNAUTHORIZED' || answer === 'FORBIDDEN' ? answer : 'allowed';
        if (got !== expected) unexpected.push(`${path} as ${who}: expected ${expected}, got ${answer}`);
      }
    }
    expect(unexpected).toEqual([]);
  }, 60_000);
});

// Record-level rows: the role guard lets every adviser call these, and the record decides.
// Advisers change cases assigned to them or to nobody; team leads and managers change any.
// Each row is called on a case Amira holds, brought as far as the call needs, by Dan (another
// adviser), a team lead and a manager. Notes and crises are left out on purpose: they add to a
// case, which anyone on shift may do (see case-access.test.ts).

type Step = 'assessed' | 'proposed' | 'confirmed' | 'admitted' | 'discharged';

interface HeldCase {
  caseId: string;
  clinicId: string;
  placementId: string;
  checkIn: { id: string; version: number };
}

interface RecordRow {
  procedure: string;
  /** How far Amira's case has gone before the call. */
  after: Step;
  call: (caller: ReturnType<typeof callerFor>, held: HeldCase, self: TestUser) => Promise<unknown>;
}

const placementVersion = async (placementId: string) =>
  (await db().selectFrom('placements').select('version').where('id', '=', placementId).executeTakeFirstOrThrow()).version;

const recordRows: RecordRow[] = [
  { procedure: 'cases.updateContact', after: 'assessed', call: async (c, { caseId }) => c.cases.updateContact({ id: caseId, version: (await versionsOf(db(), caseId)).contact, contact: contactInput({ postcode: 'M1 1AE' }) }) },
  { procedure: 'cases.recordHealthDataConsent', after: 'assessed', call: async (c, { caseId }) => c.cases.recordHealthDataConsent({ id: caseId, version: (await versionsOf(db(), caseId)).contact, given: true }) },
  { procedure: 'cases.updateAssessment', after: 'assessed', call: async (c, { caseId }) => c.cases.updateAssessment(assessmentInput(caseId, (await versionsOf(db(), caseId)).assessment)) },
  { procedure: 'cases.updateFinances', after: 'assessed', call: async (c, { caseId }) => c.cases.updateFinances({ id: caseId, version: (await versionsOf(db(), caseId)).finances, finances: { insurer: 'Bupa' } }) },
  { procedure: 'cases.setNextAction', after: 'assessed', call: async (c, { caseId }) => c.cases.setNextAction({ id: caseId, version: (await versionsOf(db(), caseId)).case, what: 'Ring back', dueAt: new Date('2026-12-02T10:00:00Z') }) },
  { procedure: 'cases.moveStage', after: 'assessed', call: async (c, { caseId }) => c.cases.moveStage({ id: caseId, version: (await versionsOf(db(), caseId)).case, to: 'closed', closureReason: 'declined' }) },
  { procedure: 'cases.assign', after: 'assessed', call: async (c, { caseId }, self) => c.cases.assign({ id: caseId, version: (await versionsOf(db(), caseId)).case, adviserId: self.id }) },
  { procedure: 'placements.propose', after: 'assessed', call: (c, { caseId, clinicId }) => c.placements.propose({ caseId, clinicId, programme: 'residential_rehab', lengthDays: 28, weeklyPricePence: 350_000 }) },
  { procedure: 'placements.confirm', after: 'proposed', call: async (c, { placementId }) => c.placements.confirm({ id: placementId, version: await placementVersion(placementId) }) },
  { procedure: 'placements.cancel', after: 'proposed', call: async (c, { placementId }) => c.placements.cancel({ id: placementId, version: await placementVersion(placementId), reason: 'Chose another clinic' }) },
  { procedure: 'placements.admit', after: 'confirmed', call: async (c, { placementId }) => c.placements.admit({ id: placementId, version: await placementVersion(placementId), admittedOn: '2026-07-14' }) },
  { procedure: 'placements.discharge', after: 'admitted', call: async (c, { placementId }) => c.placements.discharge({ id: placementId, version: await placementVersion(placementId), dischargedOn: '2026-07-18', outcome: 'completed' }) },
  { procedure: 'aftercare.savePlan', after: 'discharged', call: (c, { caseId }) => c.aftercare.savePlan({ caseId, version: 0, plan: { supportGroups: [] } }) },
  { procedure: 'aftercare.recordCheckIn', after: 'discharged', call: (c, { checkIn }) => c.aftercare.recordCheckIn({ ...checkIn, outcome: 'well' }) },
];

const plans: Record<Exclude<Step, 'assessed'>, Omit<PlacementPlan, 'clinicId' | 'proposedAt'>> = {
  proposed: {},
  confirmed: { confirmed: true },
  admitted: { admittedOn: '2026-07-14' },
  discharged: { admittedOn: '2026-07-14', discharge: { on: '2026-07-18', outcome: 'completed' } },
};

/** A case Amira holds, taken by her as far as `step`. */
async function amirasCase(amira: TestUser, step: Step): Promise<HeldCase> {
  const { id: clinicId } = await addClinic(db(), await createUser(db(), { role: 'manager' }), { name: 'Oakwood Grange' });
  const { caseId, placementId } =
    step === 'assessed'
      ? { caseId: await assessedCase(db(), amira, JULY_MORNING), placementId: '' }
      : await placedCase(db(), amira, { clinicId, proposedAt: JULY_MORNING, ...plans[step] });
  const checkIn = await db().selectFrom('aftercare_check_ins').select(['id', 'version']).where('case_id', '=', caseId).orderBy('days_after').executeTakeFirst();
  return { caseId, clinicId, placementId, checkIn: checkIn ?? { id: '', version: 0 } };
}

/** What changed on the case: its row, its timeline, its placements and aftercare. */
async function traceOf(caseId: string) {
  const [row, events, placements, checkIns, plan] = await Promise.all([
    db().selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow(),
    db().selectFrom('case_events').select('id').where('case_id', '=', caseId).execute(),
    db().selectFrom('placements').selectAll().where('case_id', '=', caseId).orderBy('id').execute(),
    db().selectFrom('aftercare_check_ins').selectAll().where('case_id', '=', caseId).orderBy('id').execute(),
    db().selectFrom('aftercare_plans').selectAll().where('case_id', '=', caseId).execute(),
  ]);
  return { row, events: events.length, placements, checkIns, plan };
}

describe('record-level rows: changing a case someone else holds', () => {
  it('has a row for every procedure that changes a case', () => {
    const changing = procedurePaths.filter((path) => /^(placements|aftercare)\./.test(path) || /^cases\.(update|record(?!Crisis)|set|move|assign)/.test(path));
    expect(recordRows.map((row) => row.procedure).sort()).toEqual(changing.filter((path) => path !== 'aftercare.dueCheckIns').sort());
  });

  it.each(recordRows)('$procedure: another adviser is FORBIDDEN and nothing changes', async ({ after, call }) => {
    const amira = await createUser(db(), { fullName: 'Amira Shah' });
    const dan = await createUser(db(), { fullName: 'Dan Reid' });
    const held = await amirasCase(amira, after);
    const before = await traceOf(held.caseId);

    const rejection = await rejectionOf(call(callerFor(db(), dan), held, dan));

    expect(rejection).toMatchObject({ code: 'FORBIDDEN', message: 'This case is assigned to Amira Shah. Ask them or a team lead to change it.' });
    expect(await traceOf(held.caseId)).toEqual(before);
  });

  it.each(recordRows)('$procedure: a team lead and a manager may', async ({ after, call }) => {
    const amira = await createUser(db(), { fullName: 'Amira Shah' });
    for (const role of ['team_lead', 'manager'] as const) {
      const supervisor = await createUser(db(), { role });
      const held = await amirasCase(amira, after);

      await expect(call(callerFor(db(), supervisor), held, supervisor), role).resolves.toBeDefined();
    }
  });
});

describe('record-level rows: a missing record and a hidden one answer alike', () => {
  // Every member of staff may read every case and callback (the helpline works as one team),
  // so no procedure hides a record from someone its guard admits. Records are hidden by role:
  // a caller without the role gets the same answer for a record that exists as for one that
  // does not, because the guard answers before anything is looked up.
  const MISSING_USER = '0b9e7d1c-3f4a-4e2b-9c8d-7a6b5c4d3e2f';
  const hiddenByRole: Array<[string, Caller, (caller: ReturnType<typeof callerFor>, record: { reference: string; userId: string }) => Promise<unknown>]> = [
    ['privacy.findSubject', 'team_lead', (c, { reference }) => c.privacy.findSubject({ reference })],
    ['privacy.subjectAccess', 'team_lead', (c, { reference }) => c.privacy.subjectAccess({ reference })],
    ['privacy.withdrawContactConsent', 'adviser', (c, { reference }) => c.privacy.withdrawContactConsent({ reference, withdrawnOn: '2026-07-14', via: 'phone' })],
    ['users.resetPassword', 'team_lead', (c, { userId }) => c.users.resetPassword({ id: userId, password: 'kettle orbit lantern moss' })],
    ['users.endSessions', 'adviser', (c, { userId }) => c.users.endSessions({ id: userId })],
  ];

  it.each(hiddenByRole)('%s as %s: the same answer for a record that exists and one that does not', async (_procedure, who, call) => {
    const amira = await createUser(db(), { fullName: 'Amira Shah' });
    const caller = callerFor(db(), await createUser(db(), { role: who as Role }));
    const { reference } = await db().selectFrom('cases').select('reference').where('id', '=', await assessedCase(db(), amira, JULY_MORNING)).executeTakeFirstOrThrow();

    const existing = await rejectionOf(call(caller, { reference, userId: amira.id }));
    const missing = await rejectionOf(call(caller, { reference: 'HB-ZZZZZZ', userId: MISSING_USER }));

    expect(existing.code).toBe('FORBIDDEN');
    expect(missing).toEqual(existing);
  });
});
