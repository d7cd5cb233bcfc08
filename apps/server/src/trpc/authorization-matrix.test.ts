import type { Role } from '@harbour/shared/roles';
import { describe, expect, it } from 'vitest';
import { callerFor, createUser, type TestUser } from '../test/factories';
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
