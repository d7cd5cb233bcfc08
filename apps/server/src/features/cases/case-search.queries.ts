import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import { matchesContact } from '../../db/contact-match';
import type { CasesTable, Database } from '../../db/database';

// Names as typed on a call, typos and all: "Jon Smyth" finds John Smith. Each typed word stands
// for a few real words from the lexicon of names held: the word itself, longer words it starts
// ("ann": anna, anne, annie), and words one slip away ("smyth", "smtih": smith), or two in a
// longer word. A case must hold one of those for every typed word; the closest spellings rank
// first, and among equally close matches the newest case. The database does all of it in one
// statement, case_name_search (migrations 2026-11-29T1400 and T1610, docs/decisions/014).
//
// Each search is one fixed statement written as SQL: building and compiling it with Kysely's
// query builder cost about a tenth of a millisecond of CPU per search, a few percent of one.

/** How many real words one typed word may stand for: enough for the likely spellings, few enough to stay quick. */
const CANDIDATES_PER_WORD = 8;
/** How many of the lexicon's nearest words by trigrams are checked for a misspelling two slips away. */
const NEAREST_CHECKED = 30;
/**
 * Several typed words held together by many cases ("jo an") read the newest cases of the best
 * candidates first, up to this many of each word, rather than score every case that matches.
 */
const MOST_SAMPLED = 500;

type CaseRow = Selectable<CasesTable>;

/** What the search box shows of a case: no more, so a search reads and sends no more. */
export interface CaseSearchRow {
  id: CaseRow['id'];
  reference: CaseRow['reference'];
  clientName: CaseRow['client_name'];
  callerName: CaseRow['caller_name'];
  stage: CaseRow['stage'];
  riskLevel: CaseRow['risk_level'];
}

const shown = sql`cases.id, cases.reference, cases.client_name as "clientName", cases.caller_name as "callerName", cases.stage, cases.risk_level as "riskLevel"`;

async function rowsOf(db: Kysely<Database>, query: RawBuilder<CaseSearchRow>): Promise<CaseSearchRow[]> {
  return (await query.execute(db)).rows;
}

export function findCasesByReference(db: Kysely<Database>, reference: string): Promise<CaseSearchRow[]> {
  return rowsOf(db, sql<CaseSearchRow>`select ${shown} from cases where cases.reference = ${reference}`);
}

export function findCasesByPhoneOrEmail(db: Kysely<Database>, contact: { phoneE164?: string; email?: string }, limit: number): Promise<CaseSearchRow[]> {
  return rowsOf(db, sql<CaseSearchRow>`select ${shown} from cases where ${matchesContact('cases', contact)} order by cases.updated_at desc limit ${limit}`);
}

export function findCasesByName(db: Kysely<Database>, typed: string, limit: number): Promise<CaseSearchRow[]> {
  return rowsOf(
    db,
    sql<CaseSearchRow>`
      select ${shown}
      from case_name_search(${typed}, ${CANDIDATES_PER_WORD}, ${NEAREST_CHECKED}, ${limit}, ${MOST_SAMPLED}) as found
      join cases on cases.id = found.case_id
      where cases.erased_at is null
      order by found.rank
    `,
  );
}
