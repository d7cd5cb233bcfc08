import { formatDateTime } from '@harbour/shared/format';
import { can } from '@harbour/shared/permissions';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../../actor';
import type { CaseEventKind, Database } from '../../db/database';
import { conflict, forbidden, notFound } from '../../trpc/errors';
import { findLastChange } from './case-events.queries';
import { findCaseForUpdate } from './cases.queries';

/** The parts of a case page that are saved on their own, each with its own version. */
export type CaseSection = 'contact' | 'assessment' | 'finances' | 'case';

const sections = {
  contact: { column: 'contact_version', kinds: ['contact_updated', 'consent_recorded'], name: 'the contact details' },
  assessment: { column: 'assessment_version', kinds: ['assessment_updated'], name: 'the assessment' },
  finances: { column: 'finances_version', kinds: ['finances_updated'], name: 'the finances' },
  case: { column: 'version', kinds: ['stage_moved', 'assigned', 'next_action_set'], name: 'this case' },
} as const satisfies Record<CaseSection, { column: string; kinds: CaseEventKind[]; name: string }>;

/** Nothing new is written on an erased case: it would hold someone's details past their erasure. */
export const ERASED_CASE_IS_CLOSED = 'This case was erased: nothing more can be recorded on it. If the person gets in touch again, open a new enquiry.';

export const versionColumnOf = (section: CaseSection) => sections[section].column;

/** Advisers change their own cases and unassigned ones; team leads and managers change any. */
export function mayChangeCase(actor: StaffActor, assignedAdviserId: string | null): boolean {
  return can(actor.role, 'cases:supervise') || assignedAdviserId === null || assignedAdviserId === actor.userId;
}

export function maySeePolicyNumber(actor: StaffActor, assignedAdviserId: string | null): boolean {
  return can(actor.role, 'cases:read_policy_numbers') || assignedAdviserId === actor.userId;
}

/**
 * Locks the case row for the rest of the transaction and checks that the actor may change it
 * and was looking at the latest version of this section. Of two advisers saving at once, the
 * second waits for the lock, then finds the version moved on and is told who changed it.
 */
export async function lockCaseForChange(trx: Kysely<Database>, actor: StaffActor, id: string, section: CaseSection, version: number) {
  const row = await lockCaseToChange(trx, actor, id);
  const { column, kinds, name } = sections[section];
  if (row[column] !== version) {
    const last = await findLastChange(trx, id, kinds);
    const who = last ? `${last.actorName ?? 'Someone'} changed ${name} at ${formatDateTime(last.at)}` : `Someone changed ${name}`;
    throw conflict(`${who}, after you opened it. Reload to see their change; what you typed stays on screen.`);
  }
  return row;
}

/**
 * Locks the case row and checks that the actor may change it, for changes that carry their own
 * record's version (a placement, a check-in) or that only add (a proposal).
 */
export async function lockCaseToChange(trx: Kysely<Database>, actor: StaffActor, id: string) {
  const row = await findCaseForUpdate(trx, id);
  if (!row) throw notFound('That case does not exist');
  if (row.erased_at) throw conflict(ERASED_CASE_IS_CLOSED);
  if (!mayChangeCase(actor, row.assigned_adviser_id)) {
    throw forbidden(`This case is assigned to ${row.assignedAdviserName ?? 'another adviser'}. Ask them or a team lead to change it.`);
  }
  return row;
}

export type LockedCase = NonNullable<Awaited<ReturnType<typeof findCaseForUpdate>>>;

/** Top-level fields whose values differ, for the audit trail and the timeline. */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((key) => stableJson(before?.[key]) !== stableJson(after[key]));
}

// Not answered is not answered, however it was stored: absent, null, [] or {}.
const isEmpty = (value: unknown) =>
  value === undefined || value === null || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && Object.keys(value).length === 0);

// jsonb does not keep key order, so values are compared with their keys sorted.
function stableJson(value: unknown): string {
  return JSON.stringify(isEmpty(value) ? null : value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}
