import type { erasePersonSchema, ErasureReason, subjectSchema } from '@harbour/shared/privacy';
import { formatDate } from '@harbour/shared/format';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { StaffActor } from '../../actor';
import type { Database } from '../../db/database';
import { publishChange } from '../../realtime/changes';
import { badRequest, conflict, notFound } from '../../trpc/errors';
import { recordAudit } from '../audit/audit.service';
import {
  eraseRows,
  findCaseOfSubject,
  findCasesByReferences,
  findHeldAbout,
  findLastRetentionRun,
  findOtherCasesOfContact,
  findRequestIdsOfPerson,
} from './privacy.queries';

type Subject = z.output<typeof subjectSchema>;

/** The case a subject-access or erasure starts from, and the other cases with the same phone or email. */
export async function findSubject(db: Kysely<Database>, actor: StaffActor, reference: string) {
  const found = await findCaseOfSubject(db, reference);
  if (!found) throw notFound(`There is no case ${reference}`);
  const others = found.erasedAt ? [] : await findOtherCasesOfContact(db, found, found.id);
  await recordAudit(db, {
    actorUserId: actor.userId,
    action: 'privacy.subject_looked_up',
    entityType: 'case',
    entityId: found.id,
    requestId: actor.requestId,
    details: { ids: [found.id, ...others.map((other) => other.id)] },
  });
  const { id: _id, phoneE164: _phone, email: _email, ...subject } = found;
  return { subject, otherCases: others.map(({ id: _otherId, ...other }) => other) };
}

/**
 * The cases a request covers: the one named, and those the manager chose that share its phone
 * or email. A chosen case that is not the same person's is refused, so nobody erases or
 * discloses a stranger's record by a slip of the keyboard.
 */
async function casesOfSubject(db: Kysely<Database>, subject: Subject) {
  const found = await findCaseOfSubject(db, subject.reference);
  if (!found) throw notFound(`There is no case ${subject.reference}`);
  const chosen = [...new Set(subject.alsoInclude.filter((reference) => reference !== found.reference))];
  if (chosen.length === 0) return { main: found, cases: [found] };
  const samePerson = new Set((await findOtherCasesOfContact(db, found, found.id)).map((other) => other.reference));
  const stranger = chosen.find((reference) => !samePerson.has(reference));
  if (stranger) throw badRequest(`${stranger} does not share a phone number or email with ${found.reference}`, 'alsoInclude');
  const others = await findCasesByReferences(db, chosen);
  return { main: found, cases: [found, ...others] };
}

type Held = Awaited<ReturnType<typeof findHeldAbout>>;

/** Everything held, shaped for reading: each case with what hangs off it, then who looked. */
function reportOf(held: Held, generatedAt: Date) {
  const referenceOf = new Map(held.cases.map((row) => [row.id, row.reference]));
  const requestReference = new Map(held.requests.map((row) => [row.id, row.reference]));
  const ofCase = <T extends { caseId: string }>(rows: T[], caseId: string) =>
    rows.filter((row) => row.caseId === caseId).map(({ caseId: _caseId, ...rest }) => rest);
  const requestsOf = (caseId: string | null) =>
    held.requests
      .filter((request) => request.caseId === caseId)
      .map(({ id, caseId: _caseId, ...request }) => ({
        ...request,
        attempts: held.attempts.filter((attempt) => attempt.callbackId === id).map(({ callbackId: _callbackId, ...attempt }) => attempt),
      }));

  return {
    generatedAt,
    references: held.cases.map((row) => row.reference),
    cases: held.cases.map(({ id, ...row }) => ({
      ...row,
      stageHistory: held.events
        .filter((event) => event.caseId === id && event.kind === 'stage_moved')
        .map((event) => ({ at: event.at, from: event.details.from, to: event.details.to, closureReason: event.details.closureReason ?? null, byName: event.byName })),
      history: ofCase(held.events, id),
      notes: ofCase(held.notes, id),
      callbackRequests: requestsOf(id),
      crises: ofCase(held.crises, id),
      placements: ofCase(held.placements, id),
      aftercarePlan: ofCase(held.plans, id)[0] ?? null,
      checkIns: ofCase(held.checkIns, id),
    })),
    requestsWithoutCase: requestsOf(null),
    access: held.access.map((entry) => ({
      at: entry.at,
      action: entry.action,
      byName: entry.byName,
      record:
        (entry.entityType === 'case' && entry.entityId && referenceOf.get(entry.entityId)) ||
        (entry.entityType === 'callback_request' && entry.entityId && requestReference.get(entry.entityId)) ||
        null,
    })),
  };
}

export type SubjectAccessReport = ReturnType<typeof reportOf>;

/** A subject-access answer: everything Harbour holds about the person, audited with the cases it covers. */
export async function subjectAccess(
  db: Kysely<Database>,
  actor: StaffActor,
  subject: Subject,
  view: 'page' | 'json',
  now: Date,
): Promise<SubjectAccessReport> {
  return db.transaction().execute(async (trx) => {
    const { cases } = await casesOfSubject(trx, subject);
    const caseIds = cases.map((row) => row.id);
    const requestIds = await findRequestIdsOfPerson(trx, caseIds, cases.filter((row) => !row.erasedAt));
    // Recorded before reading, so the answer lists this look too.
    await recordAudit(trx, {
      actorUserId: actor.userId,
      action: 'privacy.subject_access',
      entityType: 'case',
      entityId: caseIds[0],
      requestId: actor.requestId,
      details: { view, caseIds, references: cases.map((row) => row.reference), requestIds },
    });
    return reportOf(await findHeldAbout(trx, caseIds, requestIds), now);
  });
}

type Erasure = z.output<typeof erasePersonSchema>;

/**
 * Erases a person: every personal column of their cases and callback requests, in one
 * transaction, keeping the anonymous facts reports count. Also used by the retention job.
 */
export async function eraseCases(
  trx: Kysely<Database>,
  actor: { userId: string | null; requestId: string },
  erasure: { caseIds: string[]; requestIds: string[]; reason: ErasureReason | 'retention_period_ended' },
  now: Date,
): Promise<void> {
  await eraseRows(trx, { caseIds: erasure.caseIds, requestIds: erasure.requestIds, erasedBy: actor.userId, at: now });
  await recordAudit(trx, {
    actorUserId: actor.userId,
    action: 'privacy.erased',
    entityType: 'case',
    entityId: erasure.caseIds[0],
    requestId: actor.requestId,
    details: { reason: erasure.reason, caseIds: erasure.caseIds, requestIds: erasure.requestIds },
  });
  for (const id of erasure.caseIds) await publishChange(trx, { topic: 'cases', id });
  for (const id of erasure.requestIds) await publishChange(trx, { topic: 'callbacks', id });
}

export async function erasePerson(db: Kysely<Database>, actor: StaffActor, input: Erasure, now: Date): Promise<{ erasedCases: number; erasedRequests: number }> {
  return db.transaction().execute(async (trx) => {
    const { main, cases } = await casesOfSubject(trx, input);
    if (main.erasedAt) throw conflict(`${main.reference} was already erased, on ${formatDate(main.erasedAt)}`, 'reference');
    const live = cases.filter((row) => !row.erasedAt);
    const caseIds = live.map((row) => row.id);
    const requestIds = await findRequestIdsOfPerson(trx, caseIds, live);
    await eraseCases(trx, actor, { caseIds, requestIds, reason: input.reason }, now);
    return { erasedCases: caseIds.length, erasedRequests: requestIds.length };
  });
}

export async function retentionStatus(db: Kysely<Database>) {
  return { lastRun: (await findLastRetentionRun(db)) ?? null };
}
