import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { caseRows } from './case-list.queries';

// Names as typed on a call, typos and all: "Jon Smyth" finds John Smith. Each typed word stands
// for a few real words from the lexicon of names held (the migration 2026-11-29T1400 and
// docs/decisions/014 say how the tables are kept):
// the word itself, longer words it starts ("ann": anna, anne, annie), and words spelt nearly
// the same ("smyth": smith). A case must hold one of those for every typed word; the closest
// spellings rank first, and among equally close matches the newest case.

/** How many real words one typed word may stand for: enough for the likely spellings, few enough to stay quick. */
const CANDIDATES_PER_WORD = 8;
/** Trigram similarity below which a word is not taken for a misspelling ("jon" and "john": 0.29). */
const MIN_SIMILARITY = 0.25;
// A typed word found as typed beats a longer word it starts, which beats a misspelling (similarity, under 1).
const EXACT = 3;
const PREFIX = 2;

interface Candidate {
  /** Which typed word this stands for (1, 2, …). */
  position: number;
  word: string;
  score: number;
}

/** The real words each typed word may stand for; a typed word with none leaves its list empty. */
async function candidatesFor(db: Kysely<Database>, typed: string): Promise<Candidate[][]> {
  const { rows } = await sql<{ position: number; word: string | null; score: number | null }>`
    select typed.position::int as position, found.word, found.score
    from unnest(name_search_words(${typed})) with ordinality as typed(word, position)
    left join lateral (
      select near.word, max(near.score)::float8 as score
      from (
        select word, ${EXACT}::float8 as score from case_name_lexicon where word = typed.word
        union all
        (select word, ${PREFIX}::float8 from case_name_lexicon
          where word > typed.word and word < typed.word || chr(1114111)
          order by length(word), word limit ${CANDIDATES_PER_WORD})
        union all
        (select word, similarity(word, typed.word)::float8 from case_name_lexicon
          order by word <-> typed.word limit ${CANDIDATES_PER_WORD})
      ) as near
      where near.score >= ${MIN_SIMILARITY}
      group by near.word
      order by score desc, near.word
      limit ${CANDIDATES_PER_WORD}
    ) as found on true
    order by position, score desc
  `.execute(db);
  const byPosition = new Map<number, Candidate[]>();
  for (const row of rows) {
    const list = byPosition.get(row.position) ?? [];
    if (row.word !== null && row.score !== null) list.push({ position: row.position, word: row.word, score: row.score });
    byPosition.set(row.position, list);
  }
  return [...byPosition.values()];
}

/**
 * One typed word: the newest few cases of each candidate word, read from the words index
 * (ten entries a word, however many thousands of people share a surname), best score first.
 */
async function rankOneWord(db: Kysely<Database>, candidates: Candidate[], limit: number): Promise<string[]> {
  const { rows } = await sql<{ case_id: string }>`
    with candidate as (select * from unnest(${candidates.map((c) => c.word)}::text[], ${candidates.map((c) => c.score)}::float8[]) as c(word, score)),
    hit as (
      select distinct on (newest.case_id) newest.case_id, newest.created_at, candidate.score
      from candidate
      cross join lateral (
        select case_id, created_at from case_name_words
        where case_name_words.word = candidate.word
        order by created_at desc, case_id desc
        limit ${limit}
      ) as newest
      order by newest.case_id, candidate.score desc
    )
    select case_id from hit order by score desc, created_at desc, case_id desc limit ${limit}
  `.execute(db);
  return rows.map((row) => row.case_id);
}

/**
 * Several typed words: cases holding a candidate of every one, found by intersecting the
 * GIN posting lists of cases.search_words; scored by the best candidate each typed word
 * found in the case, summed.
 */
async function rankSeveralWords(db: Kysely<Database>, candidates: Candidate[][], limit: number): Promise<string[]> {
  const all = candidates.flat();
  const holdsOneOfEach = candidates.map((list) => sql<boolean>`cases.search_words && ${list.map((c) => c.word)}::text[]`);
  const { rows } = await sql<{ id: string }>`
    with candidate as (
      select * from unnest(${all.map((c) => c.position)}::int[], ${all.map((c) => c.word)}::text[], ${all.map((c) => c.score)}::float8[]) as c(position, word, score)
    )
    select cases.id
    from cases
    cross join lateral (
      select sum(best) as score from (
        select max(candidate.score) as best from candidate where candidate.word = any(cases.search_words) group by candidate.position
      ) as per_word
    ) as match
    where ${sql.join(holdsOneOfEach, sql` and `)}
    order by match.score desc, cases.created_at desc, cases.id desc
    limit ${limit}
  `.execute(db);
  return rows.map((row) => row.id);
}

export async function findCasesByName(db: Kysely<Database>, typed: string, limit: number) {
  const candidates = await candidatesFor(db, typed);
  if (candidates.length === 0 || candidates.some((list) => list.length === 0)) return [];
  const ids = candidates.length === 1 ? await rankOneWord(db, candidates[0]!, limit) : await rankSeveralWords(db, candidates, limit);
  if (ids.length === 0) return [];
  const rows = await caseRows(db).where('cases.id', 'in', ids).where('cases.erased_at', 'is', null).execute();
  const rank = new Map(ids.map((id, index) => [id, index]));
  return rows.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
}
