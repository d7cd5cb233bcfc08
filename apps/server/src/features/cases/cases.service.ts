import { CONSENT_TO_CONTACT_TEXT, CONSENT_TO_HEALTH_DATA_TEXT, type ForWhom } from '@harbour/shared/callbacks';
import { urgencyOf, type UrgencyReason } from '@harbour/shared/callback-rules';
import type { inboundCallSchema } from '@harbour/shared/cases';
import { contactKeys } from '@harbour/shared/phone';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { StaffActor } from '../../actor';
import type { Database } from '../../db/database';
import { publishChange } from '../../realtime/changes';
import { notFound } from '../../trpc/errors';
import { aftercareOfCase } from '../aftercare/aftercare.service';
import { placementsOfCase } from '../placements/placements.service';
import { recordAudit, recordLookUp, recordRead } from '../audit/audit.service';
import { mayChangeCase, maySeePolicyNumber } from './case-access.service';
import { stageFactsOf } from './case-changes.service';
import {
  findCaseByReference,
  findCaseSummaryById,
  findCasesByContact,
  findNotes,
  findOpenCrisis,
  insertCase,
  insertNote,
  mergeContactIntoCase,
} from './cases.queries';

export interface NewEnquiry {
  origin: 'callback' | 'inbound_call';
  callerName: string;
  callerRelation: ForWhom;
  clientName?: string;
  phoneE164: string;
  email?: string | null;
  substances: string[];
  urgencyReason: UrgencyReason | null;
  consents: { toContact: boolean; toContactText: string; toHealthData: boolean; toHealthDataText: string; givenAt: Date };
  notes?: string;
  openedAt: Date;
}

export interface NewContact {
  via: 'inbound_call' | 'callback';
  urgencyReason: UrgencyReason | null;
  /** Only what the person agreed to us recording. */
  substances: string[];
  notes?: string;
  at: Date;
}

/** Opens a case in stage Enquiry, assigned to the adviser who opened it. Call inside a transaction. */
export async function openEnquiry(trx: Kysely<Database>, actor: StaffActor, enquiry: NewEnquiry): Promise<{ id: string; reference: string }> {
  const created = await insertCase(trx, {
    origin: enquiry.origin,
    caller_name: enquiry.callerName,
    caller_relation: enquiry.callerRelation,
    client_name: enquiry.clientName ?? (enquiry.callerRelation === 'self' ? enquiry.callerName : null),
    phone_e164: enquiry.phoneE164,
    email: enquiry.email ?? null,
    substances: enquiry.substances,
    urgency_reason: enquiry.urgencyReason,
    consent_to_contact: enquiry.consents.toContact,
    consent_to_contact_text: enquiry.consents.toContactText,
    consent_to_health_data: enquiry.consents.toHealthData,
    consent_to_health_data_text: enquiry.consents.toHealthDataText,
    consented_at: enquiry.consents.givenAt,
    assigned_adviser_id: actor.userId,
    opened_by: actor.userId,
    created_at: enquiry.openedAt,
    stage_changed_at: enquiry.openedAt,
  });
  if (enquiry.notes) await insertNote(trx, { caseId: created.id, authorId: actor.userId, body: enquiry.notes, createdAt: enquiry.openedAt });
  await recordAudit(trx, {
    actorUserId: actor.userId,
    action: 'cases.opened',
    entityType: 'case',
    entityId: created.id,
    requestId: actor.requestId,
    details: { origin: enquiry.origin },
  });
  await publishChange(trx, { topic: 'cases', id: created.id });
  return created;
}

/**
 * Someone with a case got in touch again: what they said this time is kept on that case,
 * and if it raised a risk, the case shows it. Call inside a transaction.
 */
export async function recordContactOnCase(trx: Kysely<Database>, actor: StaffActor, caseId: string, contact: NewContact): Promise<void> {
  await mergeContactIntoCase(trx, caseId, contact, contact.at);
  if (contact.notes) await insertNote(trx, { caseId, authorId: actor.userId, body: contact.notes, createdAt: contact.at });
  await recordAudit(trx, {
    actorUserId: actor.userId,
    action: 'cases.contact_recorded',
    entityType: 'case',
    entityId: caseId,
    requestId: actor.requestId,
    details: { via: contact.via, urgencyReason: contact.urgencyReason },
  });
  await publishChange(trx, { topic: 'cases', id: caseId });
}

export async function requireCase(db: Kysely<Database>, id: string): Promise<{ id: string; reference: string }> {
  const found = await findCaseSummaryById(db, id);
  if (!found) throw notFound('That case does not exist');
  return found;
}

export type PreviousContact = Awaited<ReturnType<typeof findCasesByContact>>[number];

export function findPreviousContacts(db: Kysely<Database>, contact: { phoneE164?: string; email?: string }): Promise<PreviousContact[]> {
  return findCasesByContact(db, contact, 10);
}

/**
 * The duplicate check as the adviser types: whatever they have of a phone number or email.
 * It reveals who has a case with us, so each look-up that finds someone is audited.
 */
export async function lookUpPreviousContacts(
  db: Kysely<Database>,
  actor: StaffActor,
  typed: { phone?: string; email?: string },
): Promise<PreviousContact[]> {
  const found = await findPreviousContacts(db, contactKeys(typed));
  await recordLookUp(db, actor, { action: 'cases.looked_up', entityType: 'case', ids: found.map((contact) => contact.id) });
  return found;
}

type InboundCall = z.output<typeof inboundCallSchema>;

/**
 * A call that came in: a new enquiry, or, when the adviser found the person's earlier case
 * in "Previous contacts", that case.
 */
export async function openFromInboundCall(
  db: Kysely<Database>,
  actor: StaffActor,
  call: InboundCall,
  now: Date,
): Promise<{ reference: string; isNew: boolean }> {
  return db.transaction().execute(async (trx) => {
    const urgencyReason = urgencyOf({ immediateDanger: call.immediateDanger, message: call.notes });
    if (call.existingCaseId) {
      const existing = await requireCase(trx, call.existingCaseId);
      await recordContactOnCase(trx, actor, existing.id, {
        via: 'inbound_call',
        urgencyReason,
        substances: call.consentToHealthData ? (call.substances ?? []) : [],
        notes: call.notes,
        at: now,
      });
      return { reference: existing.reference, isNew: false };
    }
    const created = await openEnquiry(trx, actor, {
      origin: 'inbound_call',
      callerName: call.callerName,
      callerRelation: call.forWhom,
      clientName: call.clientName,
      phoneE164: call.phone,
      email: call.email,
      substances: call.consentToHealthData ? (call.substances ?? []) : [],
      urgencyReason,
      consents: {
        toContact: call.consentToContact,
        toContactText: CONSENT_TO_CONTACT_TEXT,
        toHealthData: call.consentToHealthData,
        toHealthDataText: CONSENT_TO_HEALTH_DATA_TEXT,
        givenAt: now,
      },
      notes: call.notes,
      openedAt: now,
    });
    return { reference: created.reference, isNew: true };
  });
}

/** "•••• 4821": enough for the adviser to confirm it with the caller, not enough to use it. */
export function maskPolicyNumber(policyNumber: string): string {
  return policyNumber.length >= 8 ? `•••• ${policyNumber.slice(-4)}` : '••••';
}

/**
 * A case as its page shows it; every read of a person's case is audited. Not in a transaction:
 * at read committed each statement reads its own snapshot anyway, and begin and commit were two
 * of twelve round trips. The reads run side by side on the pool, and the audit row is committed
 * (group commit, decision 015) before the case is returned.
 */
export async function viewCase(db: Kysely<Database>, actor: StaffActor, reference: string) {
  const found = await findCaseByReference(db, reference);
  if (!found) throw notFound(`There is no case ${reference}`);
  const [notes, openCrisis, placements, aftercare] = await Promise.all([
    findNotes(db, found.id),
    findOpenCrisis(db, found.id),
    placementsOfCase(db, found.id),
    aftercareOfCase(db, found.id),
  ]);
  const stageFacts = await stageFactsOf(
    db,
    {
      id: found.id,
      stage: found.stage,
      origin: found.origin,
      consent_to_contact: found.consentToContact,
      consent_to_health_data: found.consentToHealthData,
      assessment: found.assessment,
      funding_route: found.fundingRoute,
    },
    openCrisis !== undefined,
  );
  await recordRead(db, { actorUserId: actor.userId, action: 'cases.viewed', entityType: 'case', entityId: found.id, requestId: actor.requestId });
  const seesPolicyNumber = maySeePolicyNumber(actor, found.assignedAdviserId);
  return {
    ...found,
    policyNumber: found.policyNumber && !seesPolicyNumber ? maskPolicyNumber(found.policyNumber) : found.policyNumber,
    isPolicyNumberMasked: Boolean(found.policyNumber) && !seesPolicyNumber,
    canChange: !found.erasedAt && mayChangeCase(actor, found.assignedAdviserId),
    notes,
    openCrisis: openCrisis ?? null,
    stageFacts,
    placements,
    aftercare,
  };
}

