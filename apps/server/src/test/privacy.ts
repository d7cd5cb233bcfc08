import { randomUUID } from 'node:crypto';
import { CONSENT_TO_CONTACT_TEXT, CONSENT_TO_HEALTH_DATA_TEXT } from '@harbour/shared/callbacks';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database';

/**
 * A person with something in every table that can hold their details, each free-text field
 * and name carrying `marker` and every phone number `phoneDigits`, so a scan of the database
 * can tell whether anything of theirs is left. Written straight to the tables so every
 * personal column is filled, which no single path through the screens does.
 */
export async function personInEveryTable(
  db: Kysely<Database>,
  person: {
    /** Five letters found nowhere else (hex ids and hashes cannot hold them by chance for long). */
    marker: string;
    /** Eleven digits of a UK mobile: 07700 900123 is +447700900123. */
    phoneDigits: string;
    reference: string;
    adviserId: string;
    clinicId: string;
    closedAt: Date;
    admittedOn: string;
    dischargedOn: string;
  },
): Promise<{ caseId: string; requestIds: string[] }> {
  const { marker } = person;
  const phone = `+44${person.phoneDigits.slice(1)}`;
  const email = `${marker.toLowerCase()}@example.org`;
  const openedAt = new Date(person.closedAt.getTime() - 200 * 86_400_000);
  const caseId = randomUUID();
  await db
    .insertInto('cases')
    .values({
      id: caseId,
      reference: person.reference,
      stage: 'closed',
      closure_reason: 'completed',
      origin: 'callback',
      caller_name: `${marker} Caller`,
      client_name: `${marker} Client`,
      caller_relation: 'loved_one',
      relation_detail: `${marker} sister`,
      phone_e164: phone,
      email,
      client_date_of_birth: '1981-02-03',
      postcode: `${marker.toUpperCase()}1A`,
      region: 'north_west',
      preferred_contact_times: `${marker} evenings`,
      substances: ['alcohol'],
      consent_to_contact: true,
      consent_to_contact_text: CONSENT_TO_CONTACT_TEXT,
      consent_to_health_data: true,
      consent_to_health_data_text: CONSENT_TO_HEALTH_DATA_TEXT,
      consented_at: openedAt,
      health_data_consent_at: openedAt,
      assessment: JSON.stringify({ substances: [], criteria: {}, risk: {}, previousTreatments: [{ notes: `${marker} told us about treatment` }] }),
      primary_substance: 'alcohol',
      severity: 'severe',
      risk_level: 'low',
      funding_route: 'self_funded',
      budget_min_pence: 100_000,
      budget_max_pence: 2_000_000,
      insurer: `${marker} Insurance`,
      policy_number: `${marker}POLICY`,
      who_pays: `${marker} father pays`,
      finance_notes: `${marker} finance notes`,
      next_action: `${marker} ring back`,
      next_action_due_at: person.closedAt,
      assigned_adviser_id: person.adviserId,
      opened_by: person.adviserId,
      created_at: openedAt,
      stage_changed_at: person.closedAt,
    })
    .execute();

  const requestIds: string[] = [];
  for (const caseOf of [caseId, null]) {
    const id = randomUUID();
    requestIds.push(id);
    await db
      .insertInto('callback_requests')
      .values({
        id,
        reference: `CB-${randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase()}`,
        idempotency_key: randomUUID(),
        full_name: `${marker} Requester`,
        phone_e164: phone,
        email,
        for_whom: 'self',
        best_time_kind: 'asap',
        substances: ['alcohol'],
        message: `${marker} said something in the form`,
        immediate_danger: false,
        consent_to_contact: true,
        consent_to_contact_text: CONSENT_TO_CONTACT_TEXT,
        consent_to_health_data: true,
        consent_to_health_data_text: CONSENT_TO_HEALTH_DATA_TEXT,
        requested_at: openedAt,
        status: caseOf ? 'case_opened' : 'declined',
        due_at: openedAt,
        first_attempt_due_at: openedAt,
        case_id: caseOf,
        updated_at: openedAt,
      })
      .execute();
    await db
      .insertInto('callback_attempts')
      .values({ callback_id: id, adviser_id: person.adviserId, outcome: 'answered', notes: `${marker} attempt notes`, attempted_at: openedAt })
      .execute();
  }

  await db.insertInto('case_notes').values({ case_id: caseId, author_id: person.adviserId, body: `${marker} note body`, created_at: openedAt }).execute();
  await db
    .insertInto('case_events')
    .values([
      { case_id: caseId, actor_id: person.adviserId, kind: 'next_action_set', details: JSON.stringify({ dueAt: openedAt.toISOString(), what: `${marker} what` }), occurred_at: openedAt },
      {
        case_id: caseId,
        actor_id: person.adviserId,
        kind: 'stage_moved',
        details: JSON.stringify({ from: 'enquiry', to: 'assessment', closureReason: null, reason: `${marker} reason` }),
        occurred_at: openedAt,
      },
      { case_id: caseId, actor_id: person.adviserId, kind: 'check_in_recorded', details: JSON.stringify({ outcome: 'well', notes: `${marker} check-in words` }), occurred_at: openedAt },
    ])
    .execute();
  await db
    .insertInto('case_crises')
    .values({ case_id: caseId, raised_by: person.adviserId, raised_at: openedAt, actions: ['called_999'], details: `${marker} crisis details`, resolved_by: person.adviserId, resolved_at: openedAt })
    .execute();

  const cancelledId = randomUUID();
  const admittedId = randomUUID();
  await db
    .insertInto('placements')
    .values([
      {
        id: cancelledId,
        case_id: caseId,
        clinic_id: person.clinicId,
        status: 'cancelled',
        programme: 'residential_rehab',
        length_days: 28,
        weekly_price_pence: 400_000,
        proposed_by: person.adviserId,
        proposed_at: openedAt,
        cancelled_at: openedAt,
        cancelled_by: person.adviserId,
        cancel_reason: `${marker} cancel reason`,
      },
      {
        id: admittedId,
        case_id: caseId,
        clinic_id: person.clinicId,
        status: 'discharged',
        programme: 'residential_rehab',
        length_days: 28,
        weekly_price_pence: 400_000,
        fee_terms: JSON.stringify({ kind: 'percentage', percent: 10 }),
        fee_pence: 160_000,
        proposed_by: person.adviserId,
        proposed_at: openedAt,
        confirmed_by: person.adviserId,
        confirmed_at: openedAt,
        admitted_on: person.admittedOn,
        admitted_by: person.adviserId,
        discharged_on: person.dischargedOn,
        discharge_outcome: 'completed',
        discharged_by: person.adviserId,
      },
    ])
    .execute();
  await db
    .insertInto('aftercare_plans')
    .values({
      case_id: caseId,
      support_groups: ['smart_recovery'],
      local_services: `${marker} local services`,
      therapy: `${marker} therapy`,
      notes: `${marker} plan notes`,
      updated_by: person.adviserId,
      updated_at: openedAt,
    })
    .execute();
  await db
    .insertInto('aftercare_check_ins')
    .values({
      case_id: caseId,
      placement_id: admittedId,
      days_after: 7,
      due_on: person.dischargedOn,
      outcome: 'well',
      notes: `${marker} check-in notes`,
      recorded_by: person.adviserId,
      recorded_at: openedAt,
    })
    .execute();
  return { caseId, requestIds };
}

export interface WordColumn {
  table: string;
  column: string;
  isGenerated: boolean;
}

/** Every column that can hold words, as the database describes itself. */
export async function wordColumns(db: Kysely<Database>): Promise<WordColumn[]> {
  const { rows } = await sql<{ table_name: string; column_name: string; is_generated: string }>`
    select table_name, column_name, is_generated
    from information_schema.columns
    where table_schema = current_schema()
      and table_name not like 'kysely_%'
      and (data_type in ('text', 'character varying', 'character', 'jsonb', 'json')
        or udt_name in ('citext', '_text', '_varchar', '_citext', '_jsonb'))
    order by table_name, ordinal_position
  `.execute(db);
  return rows.map((row) => ({ table: row.table_name, column: row.column_name, isGenerated: row.is_generated === 'ALWAYS' }));
}

/** How many rows of `table` hold any of `needles` in `column`, read as text. */
export async function rowsHolding(db: Kysely<Database>, table: string, column: string, needles: readonly string[]): Promise<number> {
  const conditions = needles.map((needle) => sql`${sql.ref(column)}::text ilike ${`%${needle}%`}`);
  const { rows } = await sql<{ count: string | number }>`select count(*) as count from ${sql.table(table)} where ${sql.join(conditions, sql` or `)}`.execute(db);
  return Number(rows[0]?.count ?? 0);
}
