import type { Migration } from 'kysely';
import * as createUsers from './migrations/2026-11-28T0900_create_users';
import * as createSessions from './migrations/2026-11-28T0910_create_sessions';
import * as createAuditEvents from './migrations/2026-11-28T0920_create_audit_events';
import * as createCases from './migrations/2026-11-28T1000_create_cases';
import * as createCallbackRequests from './migrations/2026-11-28T1010_create_callback_requests';
import * as createCaseNotes from './migrations/2026-11-28T1100_create_case_notes';
import * as caseRecord from './migrations/2026-11-28T1200_case_record';
import * as clinicsPlacementsAftercare from './migrations/2026-11-28T1300_clinics_placements_aftercare';
import * as pipelineIndexes from './migrations/2026-11-28T1400_pipeline_indexes';
import * as reportIndexes from './migrations/2026-11-29T0900_report_indexes';
import * as mfa from './migrations/2026-11-29T1000_mfa';
import * as privacy from './migrations/2026-11-29T1100_privacy';
import * as callbackCaseIndex from './migrations/2026-11-29T1300_callback_case_index';
import * as caseNameSearch from './migrations/2026-11-29T1400_case_name_search';
import * as hotReadIndexes from './migrations/2026-11-29T1500_hot_read_indexes';
import * as caseNameSearchOneStatement from './migrations/2026-11-29T1610_case_name_search_one_statement';

// Listed by hand rather than read from the folder at run time: the server ships as one
// bundle and Vitest cannot import TypeScript through Kysely's FileMigrationProvider.
// Append new migrations; never rename or edit one that has shipped.
export const migrations: Record<string, Migration> = {
  '2026-11-28T0900_create_users': createUsers,
  '2026-11-28T0910_create_sessions': createSessions,
  '2026-11-28T0920_create_audit_events': createAuditEvents,
  '2026-11-28T1000_create_cases': createCases,
  '2026-11-28T1010_create_callback_requests': createCallbackRequests,
  '2026-11-28T1100_create_case_notes': createCaseNotes,
  '2026-11-28T1200_case_record': caseRecord,
  '2026-11-28T1300_clinics_placements_aftercare': clinicsPlacementsAftercare,
  '2026-11-28T1400_pipeline_indexes': pipelineIndexes,
  '2026-11-29T0900_report_indexes': reportIndexes,
  '2026-11-29T1000_mfa': mfa,
  '2026-11-29T1100_privacy': privacy,
  '2026-11-29T1300_callback_case_index': callbackCaseIndex,
  '2026-11-29T1400_case_name_search': caseNameSearch,
  '2026-11-29T1500_hot_read_indexes': hotReadIndexes,
  '2026-11-29T1610_case_name_search_one_statement': caseNameSearchOneStatement,
};
