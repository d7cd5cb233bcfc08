import { afterEach, describe, expect, it } from 'vitest';
import { assessmentDraftKey, clearAllDrafts, DRAFT_LIFETIME_MS, readDraft, removeDraft, writeDraft } from './drafts';

const key = assessmentDraftKey('user-1', 'case-1');

afterEach(() => localStorage.clear());

describe('assessment drafts', () => {
  it('keeps the answers with the version they were typed over and the time', () => {
    const savedAt = new Date('2026-11-28T10:00:00Z');
    writeDraft(key, { baseVersion: 3, savedAt, answers: { criteria: { craving: true } } });
    expect(key).toBe('harbour:draft:assessment:user-1:case-1');
    expect(readDraft(key, new Date('2026-11-28T11:00:00Z'))).toEqual({ baseVersion: 3, savedAt, answers: { criteria: { craving: true } } });
  });

  it('discards a draft older than 12 hours', () => {
    const savedAt = new Date('2026-11-28T10:00:00Z');
    writeDraft(key, { baseVersion: 3, savedAt, answers: {} });
    expect(readDraft(key, new Date(savedAt.getTime() + DRAFT_LIFETIME_MS + 1))).toBeNull();
    expect(localStorage.getItem(key)).toBeNull();
  });

  it('discards what it cannot read', () => {
    localStorage.setItem(key, '{not json');
    expect(readDraft(key)).toBeNull();
    localStorage.setItem(key, JSON.stringify({ answers: {} }));
    expect(readDraft(key)).toBeNull();
    expect(localStorage.getItem(key)).toBeNull();
  });

  it('removes one draft, or every Harbour draft at sign-out, and nothing else', () => {
    const other = assessmentDraftKey('user-2', 'case-9');
    writeDraft(key, { baseVersion: 1, savedAt: new Date(), answers: {} });
    writeDraft(other, { baseVersion: 1, savedAt: new Date(), answers: {} });
    localStorage.setItem('harbour:draft:notes:user-1:case-1', '{}');
    localStorage.setItem('unrelated', 'kept');
    removeDraft(key);
    expect(localStorage.getItem(key)).toBeNull();
    expect(localStorage.getItem(other)).not.toBeNull();
    clearAllDrafts();
    expect(localStorage.length).toBe(1);
    expect(localStorage.getItem('unrelated')).toBe('kept');
  });
});
