import type { RiskLevel } from '@harbour/shared/assessment';
import type { CaseStage } from '@harbour/shared/cases';
import { startOfLondonDay } from '@harbour/shared/london-time';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../../actor';
import type { Database } from '../../db/database';
import { listDueCheckIns } from '../aftercare/aftercare.service';
import { recordLookUp } from '../audit/audit.service';
import { callbacksClaimedBy } from '../callbacks/callbacks.service';
import { findAtRiskWithoutContact, findNextActionsDue } from './worklist.queries';

const DAY_MS = 24 * 3_600_000;

type CaseOfItem = { caseId: string; reference: string; name: string; riskLevel: RiskLevel | null; stage: CaseStage };

export type WorkItem =
  | { kind: 'callback'; id: string; reference: string; name: string; isUrgent: boolean; dueAt: Date; claimExpiresAt: Date | null; isAnswered: boolean }
  | ({ kind: 'next_action'; what: string; dueAt: Date } & CaseOfItem)
  | ({ kind: 'check_in'; checkInId: string; daysAfter: number; dueOn: string; isOverdue: boolean } & CaseOfItem)
  | ({ kind: 'no_recent_contact'; lastContactAt: Date | null } & CaseOfItem);

/**
 * How pressing an item is: a person who may be in danger first (urgent callbacks, then
 * high-risk people not spoken to in a day), then whatever is most overdue.
 */
function urgencyOf(item: WorkItem, now: Date): [tier: number, at: number] {
  switch (item.kind) {
    case 'callback':
      return [item.isUrgent ? 0 : 2, item.dueAt.getTime()];
    case 'no_recent_contact':
      return [item.riskLevel === 'immediate' ? 0 : 1, item.lastContactAt?.getTime() ?? 0];
    case 'next_action':
      return [2, item.dueAt.getTime()];
    case 'check_in':
      // Due at the start of its day; overdue ones sort among the other overdue work.
      return [2, item.isOverdue ? new Date(`${item.dueOn}T00:00:00Z`).getTime() : startOfLondonDay(now).getTime()];
  }
}

/** "My work": everything an adviser should do now or today, most urgent first. */
export async function myWork(db: Kysely<Database>, actor: StaffActor, now: Date): Promise<WorkItem[]> {
  const endOfToday = new Date(startOfLondonDay(now).getTime() + DAY_MS);
  const [claimed, nextActions, checkIns, atRisk] = await Promise.all([
    callbacksClaimedBy(db, actor.userId, now),
    findNextActionsDue(db, actor.userId, endOfToday),
    listDueCheckIns(db, actor, { scope: 'mine' }, now),
    findAtRiskWithoutContact(db, actor.userId, new Date(now.getTime() - DAY_MS)),
  ]);
  const nameOf = (row: { clientName: string | null; callerName: string }) => row.clientName ?? row.callerName;
  const items: WorkItem[] = [
    ...claimed.map((row) => ({
      kind: 'callback' as const,
      id: row.id,
      reference: row.reference,
      name: row.fullName,
      isUrgent: row.urgencyReason !== null,
      dueAt: row.dueAt,
      claimExpiresAt: row.claimExpiresAt,
      isAnswered: row.status === 'answered',
    })),
    ...nextActions.map(({ nextAction, dueAt, ...row }) => ({
      kind: 'next_action' as const,
      ...row,
      name: nameOf(row),
      what: nextAction ?? '',
      dueAt: dueAt!,
    })),
    ...checkIns.map((row) => ({
      kind: 'check_in' as const,
      caseId: row.caseId,
      reference: row.reference,
      name: nameOf(row),
      riskLevel: row.riskLevel,
      stage: 'aftercare' as const,
      checkInId: row.id,
      daysAfter: row.daysAfter,
      dueOn: row.dueOn,
      isOverdue: row.timing === 'overdue',
    })),
    ...atRisk.map((row) => ({ kind: 'no_recent_contact' as const, ...row, name: nameOf(row) })),
  ];
  // The check-in list audits itself; the rest show people's names too.
  await recordLookUp(db, actor, { action: 'cases.listed', entityType: 'case', ids: [...nextActions, ...atRisk].map((row) => row.caseId) });
  return items.sort((a, b) => {
    const [tierA, atA] = urgencyOf(a, now);
    const [tierB, atB] = urgencyOf(b, now);
    return tierA - tierB || atA - atB;
  });
}
