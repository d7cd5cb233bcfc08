import { sql, type Kysely } from 'kysely';
import { matchesContact } from '../../db/contact-match';
import type { Database } from '../../db/database';

// Names as typed on a call, typos and all: "Jon Smyth" finds John Smith. Each typed word stands
// for a few real words from the lexicon of names held: the word itself, longer words it starts
// ("ann": anna, anne, annie), and words one slip away ("smyth", "smtih": smith), or two in a
// longer word. A case must hold one of those for every typed word; the closest spellings rank
// first, and among equally close matches the newest case. The database does all of it in one
// statement, case_name_search (migrations 2026-11-29T1400 and T1610, docs/decisions/014).

/** How many real words one typed word may stand for: enough for the likely spellings, few enough to stay quick. */
const CANDIDATES_PER_WORD = 8;
/** How many of the lexicon's nearest words by trigrams are checked for a misspelling two slips away. */
const NEAREST_CHECKED = 30;

/** What the search box shows of a case: no more, so a search reads and sends no more. */
const shown = ['cases.id', 'cases.reference', 'cases.client_name as clientName', 'cases.caller_name as callerName', 'cases.stage', 'cases.risk_level as riskLevel'] as const;

export function findCasesByReference(db: Kysely<Database>, reference: string) {
  return db.selectFrom('cases').select(shown).where('cases.reference', '=', reference).execute();
}

export function findCasesByPhoneOrEmail(db: Kysely<Database>, contact: { phoneE164?: string; email?: string }, limit: number) {
  return db.selectFrom('cases').select(shown).where(matchesContact('cases', contact)).orderBy('cases.updated_at', 'desc').limit(limit).execute();
}

export function findCasesByName(db: Kysely<Database>, typed: string, limit: number) {
  const found = sql<{ case_id: string; rank: number }>`case_name_search(${typed}, ${CANDIDATES_PER_WORD}, ${NEAREST_CHECKED}, ${limit})`.as('found');
  return db
    .selectFrom(found)
    .innerJoin('cases', 'cases.id', 'found.case_id')
    .select(shown)
    .where('cases.erased_at', 'is', null)
    .orderBy('found.rank')
    .execute();
}
