// Unsaved answers kept in this browser, so a reload or a crash mid-call loses nothing. They are
// health data: they expire after 12 hours and clearAllDrafts removes them all at sign-out, as
// helpline PCs are shared.

const PREFIX = 'harbour:draft:';
export const DRAFT_LIFETIME_MS = 12 * 60 * 60 * 1000;

export interface Draft<Answers> {
  /** The version the answers were typed over: saving them against a later one is a conflict. */
  baseVersion: number;
  savedAt: Date;
  answers: Answers;
}

// Counts the times every draft was cleared, so that a write already on its way (a form closing
// as its person signs out) cannot bring one back.
let clearings = 0;
export const draftGeneration = () => clearings;

export const assessmentDraftKey = (userId: string, caseId: string) => `${PREFIX}assessment:${userId}:${caseId}`;

// Storage can be full, or refused (private windows, policy): a draft is a safety net, never a
// reason for the form to fail.
function attempt<T>(action: () => T, fallback: T): T {
  try {
    return action();
  } catch {
    return fallback;
  }
}

/** The draft under `key`, or null when there is none, it cannot be read, or it has expired. */
export function readDraft<Answers>(key: string, now: Date = new Date()): Draft<Answers> | null {
  const raw = attempt(() => localStorage.getItem(key), null);
  if (raw === null) return null;
  const stored = attempt(() => JSON.parse(raw) as { baseVersion?: unknown; savedAt?: unknown; answers?: unknown }, null);
  const savedAt = typeof stored?.savedAt === 'string' ? new Date(stored.savedAt) : null;
  const isReadable = typeof stored?.baseVersion === 'number' && typeof stored.answers === 'object' && stored.answers !== null && savedAt !== null;
  if (!isReadable || Number.isNaN(savedAt.getTime()) || now.getTime() - savedAt.getTime() > DRAFT_LIFETIME_MS) {
    removeDraft(key);
    return null;
  }
  return { baseVersion: stored.baseVersion as number, savedAt, answers: stored.answers as Answers };
}

export function writeDraft<Answers>(key: string, draft: Draft<Answers>): void {
  attempt(() => localStorage.setItem(key, JSON.stringify({ ...draft, savedAt: draft.savedAt.toISOString() })), undefined);
}

export function removeDraft(key: string): void {
  attempt(() => localStorage.removeItem(key), undefined);
}

/** Removes every Harbour draft in this browser, whoever typed it: call it at sign-out. */
export function clearAllDrafts(): void {
  clearings += 1;
  attempt(() => {
    const keys = Array.from({ length: localStorage.length }, (_, index) => localStorage.key(index)).filter(
      (key): key is string => key?.startsWith(PREFIX) === true,
    );
    keys.forEach((key) => localStorage.removeItem(key));
  }, undefined);
}
