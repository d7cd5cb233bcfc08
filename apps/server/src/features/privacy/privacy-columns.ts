import { ERASED_NAME } from '@harbour/shared/privacy';
import type { Database } from '../../db/database';

// The one place that says, for every column that can hold words, whether it is about the
// person (erased) or not (kept, and why). The schema-walk test reads every text, jsonb and
// array column from information_schema and fails on one that is missing here, so a column
// added later cannot hold someone's details past their erasure unnoticed.

/** The keys of a timeline event's details that hold an adviser's own words (see case-changes.service). */
export const FREE_TEXT_EVENT_KEYS = ['what', 'reason', 'notes'] as const;

export type Erasure =
  /** Emptied to null. */
  | 'null'
  /** A name that cannot be null: reads "Erased" wherever a name is shown. */
  | 'erased_name'
  /** A phone number that cannot be null: the empty string, allowed only on an erased row. */
  | 'empty'
  /** Free text that cannot be null: reads "Erased". */
  | 'erased_text'
  /** A jsonb object: the keys holding someone's words removed, the codes kept. */
  | 'free_text_keys'
  /**
   * Worked out by PostgreSQL from erased columns; changes with them: a generated column, or a
   * table triggers keep in step with them (its rows go when the names do).
   */
  | 'generated';

export type ColumnRule = { personal: true; erase: Erasure } | { personal: false; why: string };

const kept = (why: string): ColumnRule => ({ personal: false, why });
const erased = (erase: Erasure): ColumnRule => ({ personal: true, erase });

const STAFF = kept('about staff, not about people who contact us');
const CODE = kept('a code from a fixed list: counted by reports, says nothing about who');
const WORDING = kept("Harbour's standard consent wording, the same for everyone");

// Every table of the schema must be listed (the compiler says so); extra keys are allowed
// so tables added by a migration not yet in database.ts can be classified too.
type Classified = { [Table in keyof Database]: Partial<Record<keyof Database[Table] & string, ColumnRule>> } & Record<string, Record<string, ColumnRule>>;

export const columnRules: Classified = {
  users: { email: STAFF, full_name: STAFF, role: STAFF, password_hash: STAFF },
  sessions: { token_hash: STAFF },
  two_step_secrets: { secret_sealed: STAFF },
  recovery_codes: { code_hash: STAFF },
  pending_sign_ins: { token_hash: STAFF },
  audit_events: {
    action: CODE,
    entity_type: CODE,
    entity_id: kept('an id, which means nothing once the record it names is erased'),
    request_id: kept('a random request id'),
    details: kept('ids and codes only, never a person\'s words (audit.service); append-only, so it cannot be changed'),
  },
  cases: {
    reference: kept('our own number for the case: ties the kept facts and the audit trail together'),
    stage: CODE,
    origin: CODE,
    client_name: erased('null'),
    caller_name: erased('erased_name'),
    caller_relation: CODE,
    phone_e164: erased('empty'),
    email: erased('null'),
    substances: CODE,
    urgency_reason: CODE,
    consent_to_contact_text: WORDING,
    consent_to_health_data_text: WORDING,
    // A date, not text, so the schema walk would not ask; listed because it is about the person.
    client_date_of_birth: erased('null'),
    relation_detail: erased('null'),
    postcode: erased('null'),
    region: kept('one of ten regions: reports count by it, too wide to point to anyone'),
    preferred_contact_times: erased('null'),
    assessment: erased('null'),
    primary_substance: CODE,
    severity: CODE,
    risk_level: CODE,
    funding_route: CODE,
    insurer: erased('null'),
    policy_number: erased('null'),
    who_pays: erased('null'),
    finance_notes: erased('null'),
    next_action: erased('null'),
    closure_reason: CODE,
    search_words: erased('generated'),
    contact_withdrawn_via: CODE,
  },
  callback_requests: {
    reference: kept('our own number for the request'),
    idempotency_key: kept('a random key the browser made up'),
    full_name: erased('erased_name'),
    phone_e164: erased('empty'),
    email: erased('null'),
    for_whom: CODE,
    best_time_kind: CODE,
    substances: CODE,
    message: erased('null'),
    urgency_reason: CODE,
    consent_to_contact_text: WORDING,
    consent_to_health_data_text: WORDING,
    status: CODE,
  },
  callback_attempts: { outcome: CODE, notes: erased('null') },
  rate_limit_counters: { bucket: kept('a per-address counter, not tied to any case and deleted within hours') },
  case_notes: { body: erased('erased_text') },
  case_events: { kind: CODE, details: erased('free_text_keys') },
  case_crises: { actions: CODE, details: erased('null') },
  clinics: {
    name: kept('a clinic, an organisation'),
    regulator: CODE,
    location_id: kept("the regulator's id for the clinic"),
    rating: CODE,
    region: CODE,
    town: kept("the clinic's town"),
    postcode: kept("the clinic's postcode"),
    phone_e164: kept("the clinic's switchboard"),
    email: kept("the clinic's enquiries address"),
    services: CODE,
    substances: CODE,
    funding_routes: CODE,
    fee_terms: kept("the clinic's contract terms"),
  },
  placements: {
    status: CODE,
    programme: CODE,
    fee_terms: kept("the clinic's contract terms, frozen into the placement: fees in reports"),
    discharge_outcome: CODE,
    cancel_reason: erased('null'),
  },
  aftercare_plans: { support_groups: CODE, local_services: erased('null'), therapy: erased('null'), notes: erased('null') },
  aftercare_check_ins: { outcome: CODE, notes: erased('null') },
  retention_runs: {},
  // The name search's index of the words of names (migration 2026-11-29T1400): triggers remove
  // an erased case's words, and a word no remaining case uses leaves the lexicon.
  case_name_words: { word: erased('generated') },
  case_name_lexicon: { word: erased('generated') },
};

/** What each kind of erasure writes, for the columns that take a plain value. */
export const erasedValues = { null: null, erased_name: ERASED_NAME, erased_text: ERASED_NAME, empty: '' } as const;
