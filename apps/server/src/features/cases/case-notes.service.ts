import type { Kysely } from 'kysely';
import type { StaffActor } from '../../actor';
import type { Database } from '../../db/database';
import { publishChange } from '../../realtime/changes';
import { conflict, notFound } from '../../trpc/errors';
import { recordAudit } from '../audit/audit.service';
import { ERASED_CASE_IS_CLOSED } from './case-access.service';
import { findAttemptEntries, findEventEntries, findOpening, setNotePinned } from './case-timeline.queries';
import { findCaseSummaryById, findNotes, insertNote } from './cases.queries';
import { staffNamesByIds } from '../users/users.service';

// Notes are only ever added, never edited, so two advisers writing at once both keep their
// words: no version is needed. Pinning keeps a note at the top of the case.

export async function addNote(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { id: string; body: string; isPinned?: boolean },
  now: Date,
): Promise<{ id: string }> {
  return db.transaction().execute(async (trx) => {
    const found = await findCaseSummaryById(trx, input.id);
    if (!found) throw notFound('That case does not exist');
    if (found.erasedAt) throw conflict(ERASED_CASE_IS_CLOSED);
    const note = await insertNote(trx, { caseId: input.id, authorId: actor.userId, body: input.body, isPinned: input.isPinned, createdAt: now });
    await recordAudit(trx, { actorUserId: actor.userId, action: 'cases.note_added', entityType: 'case', entityId: input.id, requestId: actor.requestId });
    await publishChange(trx, { topic: 'cases', id: input.id });
    return note;
  });
}

export async function pinNote(db: Kysely<Database>, actor: StaffActor, input: { noteId: string; isPinned: boolean }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const note = await setNotePinned(trx, input.noteId, input.isPinned);
    if (!note) throw notFound('That note does not exist');
    await recordAudit(trx, {
      actorUserId: actor.userId,
      action: 'cases.note_pinned',
      entityType: 'case',
      entityId: note.caseId,
      requestId: actor.requestId,
      details: { noteId: note.id, isPinned: input.isPinned },
    });
    await publishChange(trx, { topic: 'cases', id: note.caseId });
  });
}

export type TimelineEntry =
  | { type: 'opened'; id: string; at: Date; actorName: string; origin: 'callback' | 'inbound_call' }
  | { type: 'note'; id: string; at: Date; actorName: string; body: string; isPinned: boolean }
  | { type: 'call'; id: string; at: Date; actorName: string; outcome: string; notes: string | null; requestReference: string }
  | { type: 'event'; id: string; at: Date; actorName: string | null; kind: string; details: Record<string, unknown> };

/** Notes, calls, stage moves and changes, newest first. Reading it is reading the case: audited. */
export async function caseTimeline(db: Kysely<Database>, actor: StaffActor, caseId: string): Promise<TimelineEntry[]> {
  return db.transaction().execute(async (trx) => {
    const opening = await findOpening(trx, caseId);
    if (!opening) throw notFound('That case does not exist');
    const [events, notes, attempts] = await Promise.all([findEventEntries(trx, caseId), findNotes(trx, caseId), findAttemptEntries(trx, caseId)]);
    await recordAudit(trx, {
      actorUserId: actor.userId,
      action: 'cases.viewed',
      entityType: 'case',
      entityId: caseId,
      requestId: actor.requestId,
      details: { part: 'timeline' },
    });
    const names = await staffNamesByIds(
      trx,
      events.flatMap((event) => (event.kind === 'assigned' && typeof event.details.to === 'string' ? [event.details.to] : [])),
    );
    const entries: TimelineEntry[] = [
      { type: 'opened', id: opening.id, at: opening.at, actorName: opening.actorName, origin: opening.origin },
      ...notes.map(({ createdAt, authorName, ...note }) => ({ type: 'note' as const, ...note, at: createdAt, actorName: authorName })),
      ...attempts.map((attempt) => ({ type: 'call' as const, ...attempt })),
      ...events.map((event) => ({
        type: 'event' as const,
        ...event,
        // Who a case was given to, by name: the event keeps only the id.
        details: event.kind === 'assigned' ? { ...event.details, toName: names.get(String(event.details.to)) ?? null } : event.details,
      })),
    ];
    return entries.sort((a, b) => b.at.getTime() - a.at.getTime());
  });
}
