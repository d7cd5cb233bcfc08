import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { AttemptOutcome, CallbackStatus, ForWhom } from '@harbour/shared/callbacks';
import type { Assessment, FundingRoute, RiskLevel, SeverityBand } from '@harbour/shared/assessment';
import type { CaseStage } from '@harbour/shared/cases';
import type { Region } from '@harbour/shared/regions';
import type { ClosureReason } from '@harbour/shared/stages';
import type { UrgencyReason } from '@harbour/shared/callback-rules';
import type { Role } from '@harbour/shared/roles';
import type { CheckInOutcome, SupportGroup } from '@harbour/shared/aftercare';
import type { AcceptedFundingRoute, FeeTerms, Rating, Regulator, Service } from '@harbour/shared/clinics';
import type { DischargeOutcome, PlacementStatus } from '@harbour/shared/placements';
import type { SubstanceId } from '@harbour/shared/substances';
import type { ContactWithdrawalChannel } from '@harbour/shared/privacy';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

export interface UsersTable {
  id: Generated<string>;
  email: string;
  full_name: string;
  role: Role;
  password_hash: string;
  is_active: Generated<boolean>;
  failed_login_count: Generated<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: Date;
  expires_at: Date;
}

export interface TwoStepSecretsTable {
  user_id: string;
  secret_sealed: string;
  enabled_at: Date | null;
  last_used_step: number | null;
  created_at: CreatedAt;
}

export interface RecoveryCodesTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  used_at: Date | null;
  created_at: CreatedAt;
}

export interface PendingSignInsTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  failed_attempts: Generated<number>;
  created_at: CreatedAt;
  expires_at: Date;
}

export interface AuditEventsTable {
  id: Generated<number>;
  occurred_at: CreatedAt;
  actor_user_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  request_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface CasesTable {
  id: Generated<string>;
  reference: string;
  stage: Generated<CaseStage>;
  origin: 'callback' | 'inbound_call';
  client_name: string | null;
  caller_name: string;
  caller_relation: ForWhom;
  phone_e164: string;
  email: string | null;
  substances: ColumnType<string[], string[] | undefined, string[]>;
  urgency_reason: UrgencyReason | null;
  consent_to_contact: boolean;
  consent_to_contact_text: string;
  consent_to_health_data: boolean;
  consent_to_health_data_text: string;
  consented_at: Date;
  assigned_adviser_id: string | null;
  opened_by: string;
  stage_changed_at: ColumnType<Date, Date | undefined, Date>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  client_date_of_birth: string | null;
  relation_detail: string | null;
  postcode: string | null;
  region: Region | null;
  preferred_contact_times: string | null;
  safe_to_leave_voicemail: boolean | null;
  safe_to_say_who_we_are: boolean | null;
  health_data_consent_at: Date | null;
  assessment: ColumnType<StoredAssessment | null, string | null | undefined, string | null>;
  primary_substance: string | null;
  criteria_met: number | null;
  severity: SeverityBand | null;
  audit_score: number | null;
  risk_level: RiskLevel | null;
  is_dual_diagnosis: Generated<boolean>;
  assessment_complete: Generated<boolean>;
  funding_route: FundingRoute | null;
  budget_min_pence: number | null;
  budget_max_pence: number | null;
  insurer: string | null;
  policy_number: string | null;
  who_pays: string | null;
  finance_notes: string | null;
  next_action: string | null;
  next_action_due_at: Date | null;
  contact_version: Generated<number>;
  assessment_version: Generated<number>;
  finances_version: Generated<number>;
  closure_reason: ClosureReason | null;
  search_words: ColumnType<string[], never, never>;
  erased_at: Date | null;
  erased_by: string | null;
  contact_withdrawn_on: string | null;
  contact_withdrawn_via: ContactWithdrawalChannel | null;
  contact_withdrawn_by: string | null;
  contact_withdrawn_recorded_at: Date | null;
}

/** The assessment as saved: everything the adviser answered, without the case's id and version. */
export type StoredAssessment = Omit<Assessment, 'id' | 'version'>;

export type CaseEventKind =
  | 'contact_updated'
  | 'consent_recorded'
  | 'assessment_updated'
  | 'finances_updated'
  | 'stage_moved'
  | 'assigned'
  | 'next_action_set'
  | 'crisis_raised'
  | 'crisis_action_recorded'
  | 'placement_proposed'
  | 'placement_confirmed'
  | 'placement_admitted'
  | 'placement_discharged'
  | 'placement_cancelled'
  | 'aftercare_plan_saved'
  | 'check_in_recorded';

export interface CaseEventsTable {
  id: Generated<string>;
  case_id: string;
  actor_id: string | null;
  kind: CaseEventKind;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
  occurred_at: Date;
}

export interface CaseCrisesTable {
  id: Generated<string>;
  case_id: string;
  raised_by: string;
  raised_at: Date;
  actions: string[] | null;
  details: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
}

export interface CallbackRequestsTable {
  id: Generated<string>;
  reference: string;
  idempotency_key: string;
  full_name: string;
  phone_e164: string;
  email: string | null;
  for_whom: ForWhom;
  best_time_kind: 'asap' | 'morning' | 'afternoon' | 'evening' | 'at';
  best_time_at: Date | null;
  substances: ColumnType<string[], string[] | undefined, string[]>;
  message: string | null;
  immediate_danger: boolean;
  urgency_reason: UrgencyReason | null;
  consent_to_contact: boolean;
  consent_to_contact_text: string;
  consent_to_health_data: boolean;
  consent_to_health_data_text: string;
  requested_at: Date;
  status: Generated<CallbackStatus>;
  due_at: Date;
  attempt_count: Generated<number>;
  unanswered_count: Generated<number>;
  first_attempt_at: Date | null;
  first_attempt_due_at: Date;
  claimed_by: string | null;
  claim_expires_at: Date | null;
  case_id: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  erased_at: Date | null;
  /** A London calendar day: the same person had withdrawn consent to contact on that day. */
  follows_withdrawal_on: string | null;
}

export interface CallbackAttemptsTable {
  id: Generated<string>;
  callback_id: string;
  adviser_id: string;
  outcome: AttemptOutcome;
  notes: string | null;
  call_back_at: Date | null;
  attempted_at: Date;
}

export interface CaseNotesTable {
  id: Generated<string>;
  case_id: string;
  author_id: string;
  body: string;
  is_pinned: Generated<boolean>;
  created_at: CreatedAt;
}

export interface ClinicsTable {
  id: Generated<string>;
  name: string;
  regulator: Regulator;
  location_id: string;
  rating: Rating;
  region: Region;
  town: string;
  postcode: string;
  phone_e164: string;
  email: string | null;
  services: Service[];
  substances: SubstanceId[];
  is_dual_diagnosis_capable: boolean;
  programme_lengths_days: number[];
  weekly_price_min_pence: number;
  weekly_price_max_pence: number;
  funding_routes: AcceptedFundingRoute[];
  beds_total: number;
  beds_available: number;
  beds_confirmed_at: Date | null;
  beds_confirmed_by: string | null;
  fee_terms: ColumnType<FeeTerms, string, string>;
  is_active: Generated<boolean>;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  updated_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PlacementsTable {
  id: Generated<string>;
  case_id: string;
  clinic_id: string;
  status: PlacementStatus;
  programme: Service;
  length_days: number;
  weekly_price_pence: number;
  fee_terms: ColumnType<FeeTerms | null, string | null | undefined, string | null>;
  fee_pence: number | null;
  proposed_by: string;
  proposed_at: Date;
  confirmed_by: string | null;
  confirmed_at: Date | null;
  /** A London calendar day, "2026-11-28": pg returns dates as strings (see connect.ts). */
  admitted_on: string | null;
  admitted_by: string | null;
  discharged_on: string | null;
  discharge_outcome: DischargeOutcome | null;
  discharged_by: string | null;
  cancelled_at: Date | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
  version: Generated<number>;
  updated_at: UpdatedAt;
}

export interface AftercarePlansTable {
  case_id: string;
  support_groups: SupportGroup[];
  local_services: string | null;
  therapy: string | null;
  notes: string | null;
  version: Generated<number>;
  updated_by: string;
  updated_at: Date;
}

export interface AftercareCheckInsTable {
  id: Generated<string>;
  case_id: string;
  placement_id: string;
  days_after: number;
  due_on: string;
  outcome: CheckInOutcome | null;
  notes: string | null;
  recorded_by: string | null;
  recorded_at: Date | null;
  version: Generated<number>;
}

export interface RateLimitCountersTable {
  bucket: string;
  window_start: Date;
  hits: number;
}

export interface RetentionRunsTable {
  id: Generated<number>;
  ran_at: Date;
  closed_before: Date;
  cases_anonymised: number;
  requests_anonymised: number;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  two_step_secrets: TwoStepSecretsTable;
  recovery_codes: RecoveryCodesTable;
  pending_sign_ins: PendingSignInsTable;
  audit_events: AuditEventsTable;
  cases: CasesTable;
  callback_requests: CallbackRequestsTable;
  callback_attempts: CallbackAttemptsTable;
  rate_limit_counters: RateLimitCountersTable;
  case_notes: CaseNotesTable;
  case_events: CaseEventsTable;
  case_crises: CaseCrisesTable;
  clinics: ClinicsTable;
  placements: PlacementsTable;
  aftercare_plans: AftercarePlansTable;
  aftercare_check_ins: AftercareCheckInsTable;
  retention_runs: RetentionRunsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
