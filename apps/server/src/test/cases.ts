import { criteria, type AssessmentInput, type CriteriaAnswers } from '@harbour/shared/assessment';
import type { ContactDetailsInput } from '@harbour/shared/case-record';
import type { InboundCallInput } from '@harbour/shared/cases';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { SessionUser } from '../trpc/context';
import { TUESDAY_10AM } from './callbacks';
import { callerFor } from './factories';

/** A summer morning: 09:05 UTC is 10:05 in London (BST), so a message in UTC would show. */
export const JULY_MORNING = new Date('2026-07-14T09:05:00Z');

/** What an adviser enters for a call that came in: valid, about someone else, with both consents. */
export function inboundCall(overrides: Partial<InboundCallInput> = {}): InboundCallInput {
  return {
    callerName: 'Pat Morgan',
    phone: '07400 123456',
    forWhom: 'loved_one',
    clientName: 'Chris Morgan',
    substances: ['heroin'],
    immediateDanger: false,
    consentToContact: true,
    consentToHealthData: true,
    ...overrides,
  };
}

/**
 * Opens an enquiry from an inbound call, as the adviser would: in stage Enquiry, assigned to
 * them, contact made. Returns its id without reading it through the API (a read is audited).
 */
export async function openCase(
  db: Kysely<Database>,
  adviser: SessionUser,
  overrides: Partial<InboundCallInput> = {},
  now: Date = TUESDAY_10AM,
): Promise<{ id: string; reference: string }> {
  const { reference } = await callerFor(db, adviser, { now }).cases.openFromInboundCall(inboundCall(overrides));
  return db.selectFrom('cases').select(['id', 'reference']).where('reference', '=', reference).executeTakeFirstOrThrow();
}

/** The stored row, for what the API does not show or to check that nothing changed. */
export function caseRow(db: Kysely<Database>, id: string) {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function versionsOf(db: Kysely<Database>, id: string) {
  const row = await caseRow(db, id);
  return { contact: row.contact_version, assessment: row.assessment_version, finances: row.finances_version, case: row.version };
}

/** The contact section as the form sends it: the opening call's details plus what is given. */
export function contactInput(overrides: Partial<ContactDetailsInput> = {}): ContactDetailsInput {
  return { callerName: 'Pat Morgan', callerRelation: 'loved_one', clientName: 'Chris Morgan', phone: '07400 123456', ...overrides };
}

const everyCriterion = (answer: boolean) => Object.fromEntries(criteria.map((criterion) => [criterion.id, answer])) as CriteriaAnswers;

/** A complete assessment: heroin, injected, every criterion met, no other risk; change what a test needs. */
export function assessmentInput(id: string, version: number, change: Partial<AssessmentInput> = {}): AssessmentInput {
  return {
    id,
    version,
    substances: [{ substance: 'heroin', isPrimary: true, route: 'injected', frequency: 'daily' }],
    criteria: everyCriterion(true),
    audit: {},
    conditions: [],
    risk: {
      suicidalThoughts: 'none',
      selfHarm: false,
      harmToOthers: false,
      childrenOrVulnerableAdultsAtHome: false,
      pregnancy: false,
      injecting: true,
      overdoseInLast12Months: false,
      riskyWithdrawal: false,
    },
    previousTreatments: [],
    ...change,
  };
}

export function withSuicidalThoughts(id: string, version: number, suicidalThoughts: 'none' | 'passive' | 'active_with_plan') {
  const base = assessmentInput(id, version);
  return { ...base, risk: { ...base.risk, suicidalThoughts } };
}

/** The kinds of event on a case's history, oldest first. */
export async function eventKinds(db: Kysely<Database>, caseId: string): Promise<string[]> {
  const rows = await db.selectFrom('case_events').select('kind').where('case_id', '=', caseId).orderBy('occurred_at').execute();
  return rows.map((row) => row.kind);
}
