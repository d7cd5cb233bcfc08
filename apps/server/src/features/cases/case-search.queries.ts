import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/database';
import { caseRows } from './case-rows';

// Names as typed on a call, typos and all: "Jon Smyth" finds John Smith. Each typed word stands
// for a few real words from the lexicon of names held (the migration 2026-11-29T1400 and
// docs/decisions/014 say how the tables are kept):
// the word itself, longer words it starts ("ann": anna, anne, annie), and words one or two
// slips away ("smyth", "smtih": smith). A case must hold one of those for every typed word; the closest
// spellings rank first, and among equally close matches the newest case.

/** How many real words one typed word may stand for: enough for the likely spellings, few enough to stay quick. */
const CANDIDATES_PER_WORD = 8;
/** How many of the lexicon's nearest words by trigrams are checked for a misspelling. */
const NEAREST_CHECKED = 30;
// A typed word found as typed beats a longer word it starts, which beats a misspelling (under 1).
const EXACT = 3;
const PREFIX = 2;

interface Candidate {
  /** Which typed word this stands for (1, 2, …). */
  position: number;
  word: string;
  score: number;
}

/**
 * Letters added, dropped, changed or swapped with the next (optimal string alignment): "smtih"
 * is one from "smith", where trigrams see little alike (0.2), so a swap is not missed.
 */
function spellingDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const change = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + change);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * How many slips make a misspelling: one in a short word or in a word that is itself someone's
 * name (it is likely spelt as meant), two in a longer one.
 */
const slipsAllowed = (typed: string, typedIsAName: boolean) => (typedIsAName || typed.length <= 4 ? 1 : 2);

/** The real words each typed word may stand for, best first; a typed word with none leaves its list empty. */
async function candidatesFor(db: Kysely<Database>, typed: string): Promise<Candidate[][]> {
  // Per typed word: itself if held, the shortest words it starts, and the nearest by trigrams.
  const { rows } = await sql<{ position: number; typed: string; word: string | null; kind: 'exact' | 'prefix' | 'near' | null }>`
    select typed.position::int as position, typed.word as typed, found.word, found.kind
    from unnest(name_search_words(${typed})) with ordinality as typed(word, position)
    left join lateral (
      select word, 'exact' as kind from case_name_lexicon where word = typed.word
      union all
      (select word, 'prefix' from case_name_lexicon
        where word > typed.word and word < typed.word || chr(1114111)
        order by length(word), word limit ${CANDIDATES_PER_WORD})
      union all
      (select word, 'near' from case_name_lexicon
        where word <> typed.word
        order by word <-> typed.word limit ${NEAREST_CHECKED})
    ) as found on true
  `.execute(db);
  const held = new Set(rows.filter((row) => row.kind === 'exact').map((row) => row.position));
  const slips = rows.map((row) => (row.kind === 'near' && row.word !== null ? spellingDistance(row.typed, row.word) : null));
  // Only the nearest misspellings: when "harirson" is one slip from harrison, words two slips
  // away are unlikely to be meant, and each would add thousands of cases to read.
  const fewestSlips = new Map<number, number>();
  rows.forEach((row, index) => {
    const slip = slips[index];
    if (typeof slip === 'number' && slip <= slipsAllowed(row.typed, held.has(row.position))) fewestSlips.set(row.position, Math.min(slip, fewestSlips.get(row.position) ?? slip));
  });
  const byPosition = new Map<number, Map<string, Candidate>>();
  rows.forEach((row, index) => {
    const found = byPosition.get(row.position) ?? new Map<string, Candidate>();
    byPosition.set(row.position, found);
    const slip = slips[index];
    if (row.word === null || (row.kind === 'near' && slip !== fewestSlips.get(row.position))) return;
    // A misspelling scores under 1: fewer slips, and slips in a longer word, score higher.
    const score = row.kind === 'exact' ? EXACT : row.kind === 'prefix' ? PREFIX : 1 - slip! / Math.max(row.typed.length, row.word.length);
    if (score > (found.get(row.word)?.score ?? 0)) found.set(row.word, { position: row.position, word: row.word, score });
  });
  return [...byPosition.values()].map((found) =>
    [...found.values()].sort((a, b) => b.score - a.score || a.word.localeCompare(b.word)).slice(0, CANDIDATES_PER_WORD),
  );
}

/**
 * One typed word: the newest few cases of each candidate word, read from the words index
 * (ten entries a word, however many thousands of people share a surname), best score first.
 */
function rankedForOneWord(candidates: Candidate[], limit: number) {
  return sql<Ranked>`(
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
    select case_id, row_number() over (order by score desc, created_at desc, case_id desc) as rank
    from hit order by rank limit ${limit}
  )`;
}

/**
 * Several typed words: cases holding a candidate of every one, found by intersecting the
 * GIN posting lists of cases.search_words; scored by the best candidate each typed word
 * found in the case, summed. The score is a plain expression per typed word (candidates are
 * best first), so the few hundred cases that meet are scored without a subquery each.
 */
function rankedForSeveralWords(candidates: Candidate[][], limit: number) {
  const holdsOneOfEach = candidates.map((list) => sql<boolean>`cases.search_words && ${list.map((c) => c.word)}::text[]`);
  const bestOfEach = candidates.map(
    (list) => sql`case ${sql.join(list.map((c) => sql`when ${c.word}::text = any(cases.search_words) then ${c.score}::float8`), sql` `)} else 0 end`,
  );
  // A word of the case answers one typed word: "John Jones" is not John Smith because "john" is
  // near "jones". Only asked when a word stands for two typed words.
  const all = candidates.flat().map((c) => c.word);
  const shared = all.some((word, index) => all.indexOf(word) !== index);
  const eachFromADifferentWord = shared
    ? sql`and (select count(*) from unnest(cases.search_words) as held where held = any(${[...new Set(all)]}::text[])) >= ${candidates.length}`
    : sql``;
  return sql<Ranked>`(
    select cases.id as case_id, row_number() over (order by ${sql.join(bestOfEach, sql` + `)} desc, cases.created_at desc, cases.id desc) as rank
    from cases
    where ${sql.join(holdsOneOfEach, sql` and `)} ${eachFromADifferentWord}
    order by rank
    limit ${limit}
  )`;
}

interface Ranked {
  case_id: string;
  rank: number;
}

function rowsRanked(db: Kysely<Database>, ranked: RawBuilder<Ranked>) {
  return caseRows(db)
    .innerJoin(ranked.as('ranked'), (join) => join.onRef('ranked.case_id', '=', 'cases.id'))
    .where('cases.erased_at', 'is', null)
    .orderBy('ranked.rank')
    .execute();
}

export async function findCasesByName(db: Kysely<Database>, typed: string, limit: number) {
  const candidates = await candidatesFor(db, typed);
  if (candidates.length === 0 || candidates.some((list) => list.length === 0)) return [];
  if (candidates.length === 1) return rowsRanked(db, rankedForOneWord(candidates[0]!, limit));
  // Every word typed is someone's name: a full name spelt right. If enough cases hold them all,
  // nothing can outscore them, and the few posting lists of those words alone are read.
  if (candidates.every((list) => list[0]!.score === EXACT)) {
    const spelt = await rowsRanked(db, rankedForSeveralWords(candidates.map((list) => [list[0]!]), limit));
    if (spelt.length === limit) return spelt;
  }
  return rowsRanked(db, rankedForSeveralWords(candidates, limit));
}
