import { CASE_LIST_PAGE_SIZE, type caseListSchema } from '@harbour/shared/case-record';
import { contactKeys } from '@harbour/shared/phone';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { StaffActor } from '../../actor';
import type { Database } from '../../db/database';
import { recordLookUp } from '../audit/audit.service';
import { findCasePage } from './case-list.queries';
import { findCasesByName, findCasesByPhoneOrEmail, findCasesByReference } from './case-search.queries';

type CaseListInput = z.output<typeof caseListSchema>;

/** "My cases" or "All cases"; each page shows people's names, so who saw which is recorded. */
export async function listCases(db: Kysely<Database>, actor: StaffActor, input: CaseListInput) {
  const assignedTo = input.scope === 'mine' ? actor.userId : input.adviserId;
  const page = await findCasePage(db, { assignedTo, stage: input.stage, risk: input.risk }, input.sort, input.page, CASE_LIST_PAGE_SIZE);
  await recordLookUp(db, actor, { action: 'cases.listed', entityType: 'case', ids: page.rows.map((row) => row.id) });
  return { ...page, page: input.page, pageSize: CASE_LIST_PAGE_SIZE };
}

const SEARCH_LIMIT = 10;
const REFERENCE = /^H-?(\d{4})-?(\d{5,})$/i;

/** The search box: a case reference, an email, a phone number in any format, or a name. */
export async function searchCases(db: Kysely<Database>, actor: StaffActor, query: string) {
  const found = await findCasesTyped(db, query);
  await recordLookUp(db, actor, { action: 'cases.looked_up', entityType: 'case', ids: found.map((row) => row.id) });
  return found;
}

function findCasesTyped(db: Kysely<Database>, query: string) {
  const reference = query.replace(/\s+/g, '').match(REFERENCE);
  if (reference) return findCasesByReference(db, `H-${reference[1]}-${reference[2]}`);
  // A phone number has digits: a name is not parsed as one.
  const contact: ReturnType<typeof contactKeys> = query.includes('@') ? contactKeys({ email: query }) : /\d/.test(query) ? contactKeys({ phone: query }) : {};
  return contact.email || contact.phoneE164 ? findCasesByPhoneOrEmail(db, contact, SEARCH_LIMIT) : findCasesByName(db, query, SEARCH_LIMIT);
}
