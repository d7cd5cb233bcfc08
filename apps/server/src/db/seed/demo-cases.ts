import { randomUUID } from 'node:crypto';
import { assessmentSchema, assessmentSummaryOf, financesSchema, type AssessmentInput, type FinancesInput } from '@harbour/shared/assessment';
import type { ForWhom } from '@harbour/shared/callbacks';
import { addNoteSchema, contactDetailsSchema, recordCrisisActionSchema, setNextActionSchema, type CrisisAction } from '@harbour/shared/case-record';
import { inboundCallSchema } from '@harbour/shared/cases';
import { LONDON, londonHourOn } from '@harbour/shared/london-time';
import type { Region } from '@harbour/shared/regions';
import { checkStageMove, moveStageSchema, type ClosureReason } from '@harbour/shared/stages';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { StaffActor } from '../../actor';
import { assignCase, moveStage, recordHealthDataConsent, setNextAction, updateAssessment, updateContact, updateFinances } from '../../features/cases/case-changes.service';
import { addNote } from '../../features/cases/case-notes.service';
import { openFromInboundCall } from '../../features/cases/cases.service';
import { recordCrisisAction } from '../../features/cases/crises.service';
import type { Database } from '../database';
import { auditOf, criteriaOf, first, noAudit, noRisks } from './demo-answers';
import { placedDemoCases } from './demo-placed-cases';
import { checkDemoPlacement, demoPlacementFacts, seedDemoPlacement, type DemoPlacement } from './demo-placements';
import { shiftDemoCases } from './demo-shift-cases';

// About thirty invented people, three in each region, taken through the same services an adviser's
// screens call, so every derived figure, event, audit entry and crisis comes from the app's own rules.
// Phone numbers are Ofcom's drama numbers (020 7946 0xxx, 0113 496 0xxx, …), which are never
// given to anyone. Ofcom's drama mobiles (07700 900xxx) are not used: the app's phone check
// (libphonenumber) refuses them, so a case holding one could not have its contact details saved.

type Who = 'adviser' | 'lead';
type Draft = Omit<AssessmentInput, 'id' | 'version'>;
/** In so many minutes from now (negative: overdue), or on a London day and hour. */
type Due = { minutes: number } | { days: number; hour: number };

export interface DemoCase {
  caller: string;
  relation: ForWhom;
  relationDetail?: string;
  /** Defaults to the caller when they call for themselves. */
  client?: string;
  dateOfBirth?: string;
  phone: string;
  email?: string;
  postcode: string;
  region: Region;
  contactTimes?: string;
  voicemail?: boolean;
  sayWhoWeAre?: boolean;
  /** What the caller named on the first call (kept only with consent to health data). */
  mentioned: Draft['substances'][number]['substance'][];
  inDanger?: boolean;
  /** Agreed when the case opened, on the later call, or not yet (so no assessment). */
  healthConsent: 'on_first_call' | 'on_later_call' | 'not_yet';
  openedBy: Who;
  /** null gives the case back to the team; defaults to whoever opened it. */
  assignTo?: Who | null;
  openedHoursAgo: number;
  /** A second call, when some of the work happened then. */
  laterHoursAgo?: number;
  /** A placed case is 'assessment' here and its placement takes it on; one closing from Aftercare has a discharge. */
  stage: 'enquiry' | 'assessment' | { closedFrom: 'enquiry' | 'assessment' | 'aftercare'; reason: ClosureReason; words?: string };
  openingNote?: string;
  /** Saved on the first call and revised on the later one. */
  firstAssessment?: Draft;
  assessment?: Draft;
  /** Recorded straight after an assessment save that raised a crisis. */
  crisisResolved?: { actions: CrisisAction[]; details?: string };
  finances?: FinancesInput;
  nextAction?: { what: string; due: Due };
  notes?: Array<{ body: string; pinned?: boolean; onLaterCall?: boolean }>;
  /** Taken to a demo clinic after the finances are saved (the case must be in Assessment). */
  placement?: DemoPlacement;
}

/**
 * The demo people. `dayOf(h)` is the London calendar day of the moment h hours before now, so
 * a last use is written as the day of the call it was told on (dayOf(openedHoursAgo)) or before.
 */
export function demoCases(dayOf: (hoursAgo: number) => string): DemoCase[] {
  return [
    // ---- North East ----
    {
      caller: 'Craig Robson', relation: 'self', dateOfBirth: '1979-06-02', phone: '0191 498 0101', email: 'craig.robson@example.org',
      postcode: 'NE6 2XQ', region: 'north_east', contactTimes: 'Any time before 2pm', voicemail: true, sayWhoWeAre: true,
      mentioned: ['alcohol'], healthConsent: 'on_first_call', openedBy: 'adviser', openedHoursAgo: 50, laterHoursAgo: 20, stage: 'assessment',
      openingNote: 'Called in himself after seeing his GP. Wants a residential detox.',
      assessment: {
        substances: [{ substance: 'alcohol', isPrimary: true, route: 'oral', frequency: 'daily', amount: 'About a litre of vodka a day', yearsOfUse: 15, lastUse: dayOf(50) }],
        criteria: criteriaOf(first(8)),
        audit: auditOf(4, 4, 4, 4, 3, 4, 4, 3, 2, 4),
        conditions: [{ condition: 'depression', status: 'diagnosed', isCurrentlyTreated: true }],
        risk: { ...noRisks, riskyWithdrawal: true },
        previousTreatments: [{ where: 'Community alcohol team, Newcastle', year: 2021, howItEnded: 'left_early' }],
      },
      finances: { fundingRoute: 'self_funded', budgetMinPence: 700_000, budgetMaxPence: 1_200_000, whoPays: 'Craig, from savings and redundancy pay' },
      nextAction: { what: 'Call with two medically managed detox options', due: { minutes: -120 } },
      notes: [
        { body: 'Had a withdrawal seizure in 2022. Medically managed detox only.', pinned: true },
        { body: 'Spoke again: he has told his sister, who will drive him to admission.', onLaterCall: true },
      ],
    },
    {
      caller: 'Lorraine Dodds', relation: 'loved_one', relationDetail: 'Mother', client: 'Kieran Dodds', dateOfBirth: '1998-11-20',
      phone: '0191 498 0102', postcode: 'DH1 4RW', region: 'north_east', contactTimes: 'Weekdays after 5pm', voicemail: false, sayWhoWeAre: false,
      mentioned: ['heroin', 'crack_cocaine'], healthConsent: 'on_first_call', openedBy: 'lead', openedHoursAgo: 26, stage: 'assessment',
      openingNote: 'Mother calling; Kieran was with her and agreed to us talking to her. He does not want letters at home.',
      assessment: {
        substances: [
          { substance: 'heroin', isPrimary: true, route: 'injected', frequency: 'daily', amount: 'About £40 a day', yearsOfUse: 6, lastUse: dayOf(26) },
          { substance: 'crack_cocaine', isPrimary: false, route: 'smoked', frequency: 'several_times_a_week', yearsOfUse: 4, lastUse: dayOf(50) },
        ],
        criteria: criteriaOf(first(10)),
        audit: noAudit,
        conditions: [],
        risk: { ...noRisks, injecting: true, overdoseInLast12Months: true },
        previousTreatments: [{ where: 'Opioid substitution (methadone) with the local recovery service', year: 2023, howItEnded: 'left_early' }],
      },
      finances: { fundingRoute: 'nhs_or_local_authority', notes: 'Has a drugs worker at the local recovery service; asking about a funded place.' },
      nextAction: { what: "Ring Kieran's drugs worker about a funding application", due: { minutes: 180 } },
      notes: [{ body: 'Overdosed in the spring and was revived with naloxone. Family have a naloxone kit.', pinned: true }],
    },
    {
      caller: 'Shaun Pattinson', relation: 'self', dateOfBirth: '2001-02-14', phone: '0191 498 0103', email: 'shaun.p@example.com',
      postcode: 'SR4 7JH', region: 'north_east', contactTimes: 'Evenings', voicemail: true, sayWhoWeAre: true,
      mentioned: ['cannabis'], healthConsent: 'on_first_call', openedBy: 'adviser', openedHoursAgo: 6, stage: 'enquiry',
      openingNote: 'Short call from work; wants to talk properly this evening.',
      nextAction: { what: 'Call back for the assessment; he prefers evenings', due: { minutes: 300 } },
    },

    // ---- North West ----
    {
      caller: 'Natalie Birch', relation: 'self', dateOfBirth: '1990-09-09', phone: '0161 496 0104', email: 'natalie.birch@example.com',
      postcode: 'M14 6PL', region: 'north_west', contactTimes: 'Lunchtimes, 12 to 2', voicemail: false, sayWhoWeAre: false,
      mentioned: ['cocaine', 'alcohol'], healthConsent: 'on_first_call', openedBy: 'adviser', openedHoursAgo: 74, laterHoursAgo: 49, stage: 'assessment',
      assessment: {
        substances: [
          { substance: 'cocaine', isPrimary: true, route: 'snorted', frequency: 'several_times_a_week', amount: 'A gram or two a night', yearsOfUse: 3, lastUse: dayOf(98) },
          { substance: 'alcohol', isPrimary: false, route: 'oral', frequency: 'weekly', amount: 'A bottle of wine at weekends', yearsOfUse: 10, lastUse: dayOf(98) },
        ],
        criteria: criteriaOf(['larger_amounts', 'cutting_down', 'craving', 'obligations', 'relationships']),
        audit: auditOf(3, 2, 2, 1, 1, 0, 2, 1, 0, 2),
        conditions: [{ condition: 'anxiety', status: 'suspected', isCurrentlyTreated: false }],
        risk: { ...noRisks, childrenOrVulnerableAdultsAtHome: true },
        previousTreatments: [],
      },
      finances: { fundingRoute: 'employer', budgetMinPence: 600_000, budgetMaxPence: 900_000, whoPays: 'Employer, through occupational health', notes: 'Occupational health may fund 28 days; needs a quote first.' },
      nextAction: { what: 'Follow up with her occupational health contact', due: { days: 2, hour: 11 } },
      notes: [{ body: 'Two children at home (4 and 7). Partner does not know; do not leave messages.', pinned: true }],
    },
    {
      caller: 'Joanne Hale', relation: 'professional', relationDetail: 'Community psychiatric nurse', client: 'Paul Riley', dateOfBirth: '1972-04-30',
      phone: '0151 496 0105', email: 'joanne.hale@example.org', postcode: 'L15 8HE', region: 'north_west', contactTimes: 'Office hours',
      voicemail: true, sayWhoWeAre: true, mentioned: ['benzodiazepines', 'alcohol'], healthConsent: 'on_first_call', openedBy: 'lead',
      openedHoursAgo: 30, laterHoursAgo: 8, stage: 'assessment',
      openingNote: 'CPN referral; Paul was on the call and consented.',
      assessment: {
        substances: [
          { substance: 'benzodiazepines', isPrimary: true, route: 'oral', frequency: 'daily', amount: 'Street diazepam, 40 to 60 mg a day', yearsOfUse: 8, lastUse: dayOf(30) },
          { substance: 'alcohol', isPrimary: false, route: 'oral', frequency: 'daily', amount: 'Four cans of strong lager', yearsOfUse: 20, lastUse: dayOf(30) },
        ],
        criteria: criteriaOf(first(9)),
        audit: auditOf(4, 3, 3, 3, 2, 3, 2, 2, 0, 4),
        conditions: [
          { condition: 'bipolar', status: 'diagnosed', isCurrentlyTreated: true },
          { condition: 'ptsd', status: 'suspected', isCurrentlyTreated: false },
        ],
        risk: { ...noRisks },
        previousTreatments: [{ where: 'Inpatient psychiatric ward, Liverpool', year: 2019, howItEnded: 'completed' }],
      },
      finances: { fundingRoute: 'nhs_or_local_authority', notes: 'CPN is preparing a local authority funding panel application.' },
      nextAction: { what: 'Send the referral form to the CPN', due: { minutes: -30 } },
      notes: [{ body: 'Needs a clinic that can hold bipolar disorder and a benzodiazepine taper.', pinned: true, onLaterCall: true }],
    },
    {
      caller: 'Hannah Leigh', relation: 'self', dateOfBirth: '1985-12-03', phone: '0161 496 0106', postcode: 'PR1 3TD', region: 'north_west',
      voicemail: true, sayWhoWeAre: true, mentioned: ['alcohol'], healthConsent: 'on_first_call', openedBy: 'adviser',
      openedHoursAgo: 9 * 24, laterHoursAgo: 6 * 24, stage: { closedFrom: 'assessment', reason: 'declined', words: 'Decided to try the local recovery service first.' },
      assessment: {
        substances: [{ substance: 'alcohol', isPrimary: true, route: 'oral', frequency: 'weekly', amount: 'Binges at weekends', yearsOfUse: 5, lastUse: dayOf(264) }],
        criteria: criteriaOf(['larger_amounts', 'cutting_down', 'relationships']),
        audit: auditOf(2, 3, 3, 1),
        conditions: [],
        risk: { ...noRisks },
        previousTreatments: [],
      },
      notes: [{ body: 'Gave her the local recovery service and SMART Recovery details. Welcome to call again.', onLaterCall: true }],
    },

    // ---- Yorkshire and the Humber ----
    {
      caller: 'Ryan Sutcliffe', relation: 'self', dateOfBirth: '1996-07-21', phone: '0113 496 0107', email: 'ryan.sutcliffe@example.com',
      postcode: 'LS6 3QN', region: 'yorkshire_and_the_humber', contactTimes: 'After 11am', voicemail: true, sayWhoWeAre: true,
      mentioned: ['ketamine'], healthConsent: 'on_first_call', openedBy: 'adviser', openedHoursAgo: 28, stage: 'assessment',
      assessment: {
        substances: [{ substance: 'ketamine', isPrimary: true, route: 'snorted', frequency: 'daily', amount: 'Two to three grams a day', yearsOfUse: 4, lastUse: dayOf(28) }],
        criteria: criteriaOf(['larger_amounts', 'cutting_down', 'time_spent', 'craving', 'activities_given_up', 'health_problems', 'tolerance']),
        audit: noAudit,
        conditions: [
          { condition: 'adhd', status: 'diagnosed', isCurrentlyTreated: true },
          { condition: 'depression', status: 'suspected', isCurrentlyTreated: false },
        ],
        risk: { ...noRisks },
        previousTreatments: [],
      },
      finances: { fundingRoute: 'family', budgetMinPence: 500_000, budgetMaxPence: 800_000, whoPays: 'His parents' },
      nextAction: { what: 'Send three clinics with ketamine experience', due: { minutes: 90 } },
      notes: [{ body: 'Bladder pain and blood in urine: the clinic needs medical cover for ketamine bladder damage.', pinned: true }],
    },
    {
      caller: 'Susan Greenwood', relation: 'loved_one', relationDetail: 'Wife', client: 'Martin Greenwood', dateOfBirth: '1966-03-08',
      phone: '0114 496 0108', postcode: 'S11 8YB', region: 'yorkshire_and_the_humber', contactTimes: 'Mornings', voicemail: false, sayWhoWeAre: false,
      mentioned: ['alcohol'], healthConsent: 'on_first_call', openedBy: 'lead', assignTo: null, openedHoursAgo: 16, stage: 'assessment',
      openingNote: 'Night call from his wife. Martin was asleep; she will ask him to join the next call.',
      assessment: {
        substances: [{ substance: 'alcohol', isPrimary: true, route: 'oral', frequency: 'daily', amount: 'A bottle of whisky most days', yearsOfUse: 12, lastUse: dayOf(16) }],
        criteria: criteriaOf(['larger_amounts', 'cutting_down', 'obligations', 'relationships', 'withdrawal'], ['time_spent', 'craving', 'tolerance', 'health_problems']),
        audit: auditOf(4, 4, 4),
        conditions: [],
        risk: { suicidalThoughts: 'none', harmToOthers: false, childrenOrVulnerableAdultsAtHome: false, riskyWithdrawal: true },
        previousTreatments: [],
      },
      nextAction: { what: 'Call Martin himself to finish the severity questions', due: { minutes: -45 } },
      notes: [{ body: 'Has had fits when he stopped drinking before. Do not suggest stopping at home.', pinned: true }],
    },
    {
      caller: 'Aaron Holt', relation: 'self', dateOfBirth: '1993-10-11', phone: '0113 496 0109', postcode: 'HU5 2LG', region: 'yorkshire_and_the_humber',
      contactTimes: 'After 5pm', voicemail: false, sayWhoWeAre: false, mentioned: [], healthConsent: 'not_yet', openedBy: 'adviser',
      openedHoursAgo: 3, stage: 'enquiry',
      openingNote: 'Did not want to talk about his health on this call; happy for us to call back after 5pm. Ask for consent to record health information then.',
      nextAction: { what: 'Call back and ask for consent to record health information', due: { minutes: 150 } },
    },

    // ---- East Midlands ----
    {
      caller: 'Jade Morris', relation: 'self', dateOfBirth: '1999-05-25', phone: '0116 496 0110', email: 'jade.morris@example.org',
      postcode: 'NG7 2FJ', region: 'east_midlands', contactTimes: 'Any time', voicemail: true, sayWhoWeAre: true,
      mentioned: ['cocaine', 'cannabis'], healthConsent: 'on_first_call', openedBy: 'adviser', openedHoursAgo: 22, stage: 'assessment',
      assessment: {
        substances: [
          { substance: 'cocaine', isPrimary: true, route: 'snorted', frequency: 'weekly', amount: 'Half a gram at weekends', yearsOfUse: 2, lastUse: dayOf(94) },
          { substance: 'cannabis', isPrimary: false, route: 'smoked', frequency: 'daily', yearsOfUse: 6, lastUse: dayOf(22) },
        ],
        criteria: criteriaOf(['larger_amounts', 'cutting_down', 'craving', 'hazardous_use']),
        audit: noAudit,
        conditions: [],
        risk: { ...noRisks, pregnancy: true },
        previousTreatments: [],
      },
      finances: { fundingRoute: 'undecided', notes: 'Has not thought about paying yet; talk about NHS routes first.' },
      nextAction: { what: 'Check which clinics accept pregnant clients', due: { minutes: -300 } },
      notes: [{ body: '14 weeks pregnant; her midwife knows. Ask the midwife to join the next call if she agrees.', pinned: true }],
    },
    {
      caller: 'Deepak Mistry', relation: 'loved_one', relationDetail: 'Brother', client: 'Raj Mistry', dateOfBirth: '1987-01-17',
      phone: '0116 496 0111', email: 'deepak.mistry@example.com', postcode: 'LE2 1TG', region: 'east_midlands', contactTimes: 'Weekends',
      voicemail: true, sayWhoWeAre: true, mentioned: [], healthConsent: 'on_later_call', openedBy: 'lead', openedHoursAgo: 4 * 24,
      laterHoursAgo: 27, stage: 'assessment',
      openingNote: 'Brother enquiring; Raj had not agreed to us recording his health details yet.',
      assessment: {
        substances: [
          { substance: 'crack_cocaine', isPrimary: true, route: 'smoked', frequency: 'daily', yearsOfUse: 5, lastUse: dayOf(27) },
          { substance: 'heroin', isPrimary: false, route: 'smoked', frequency: 'several_times_a_week', yearsOfUse: 2, lastUse: dayOf(51) },
        ],
        criteria: criteriaOf(first(6)),
        audit: noAudit,
        conditions: [{ condition: 'psychosis', status: 'suspected', isCurrentlyTreated: false }],
        risk: { ...noRisks },
        previousTreatments: [],
      },
      finances: { fundingRoute: 'family', budgetMinPence: 300_000, budgetMaxPence: 500_000, whoPays: 'Raj’s brothers, sharing the cost' },
      nextAction: { what: 'Talk through 28-day residential options with Raj and Deepak', due: { days: 2, hour: 10 } },
      notes: [{ body: 'Raj joined the call and agreed to us recording his health details.', onLaterCall: true }],
    },
    {
      caller: 'Kelly Bradshaw', relation: 'self', dateOfBirth: '1982-08-19', phone: '0116 496 0112', email: 'kelly.bradshaw@example.org',
      postcode: 'DE22 3UX', region: 'east_midlands', voicemail: true, sayWhoWeAre: true, mentioned: ['prescription_medicines'],
      healthConsent: 'on_first_call', openedBy: 'lead', assignTo: null, openedHoursAgo: 1, stage: 'enquiry',
      openingNote: 'Taking more codeine than prescribed since an operation. Free to talk for the next hour.',
      nextAction: { what: 'Call back for the assessment', due: { minutes: 30 } },
    },

    // ---- West Midlands ----
    {
      // The one case in crisis now: the adviser is still on it, so the crisis is open.
      caller: 'Imran Hussain', relation: 'self', dateOfBirth: '1984-02-29', phone: '0121 496 0113', email: 'imran.hussain@example.com',
      postcode: 'B29 6QD', region: 'west_midlands', voicemail: false, sayWhoWeAre: false, mentioned: ['alcohol', 'benzodiazepines'],
      inDanger: true, healthConsent: 'on_first_call', openedBy: 'adviser', openedHoursAgo: 0.7, stage: 'assessment',
      openingNote: 'Said he does not want to be here any more. Crisis protocol started; team lead told.',
      assessment: {
        substances: [
          { substance: 'alcohol', isPrimary: true, route: 'oral', frequency: 'daily', amount: 'Drinking since the morning', lastUse: dayOf(0.7) },
          { substance: 'benzodiazepines', isPrimary: false, route: 'oral' },
        ],
        criteria: {},
        audit: noAudit,
        conditions: [{ condition: 'depression', status: 'suspected' }],
        risk: { suicidalThoughts: 'active_with_plan', selfHarm: true },
        previousTreatments: [],
      },
      nextAction: { what: 'If the call drops, call back at once; if no answer, ask for a welfare check', due: { minutes: 10 } },
      notes: [{ body: 'Has tablets saved up at home. Gave 999 and Samaritans 116 123; staying on the line.', pinned: true }],
    },
    {
      caller: 'Chloe Whitehouse', relation: 'loved_one', relationDetail: 'Partner', client: 'Dean Bishop', dateOfBirth: '1992-11-02',
      phone: '0121 496 0114', email: 'chloe.whitehouse@example.org', postcode: 'CV5 6HN', region: 'west_midlands', contactTimes: 'Evenings',
      voicemail: true, sayWhoWeAre: true, mentioned: ['cocaine', 'alcohol'], healthConsent: 'on_first_call', openedBy: 'adviser',
      openedHoursAgo: 45, stage: 'assessment',
      assessment: {
        substances: [
          { substance: 'cocaine', isPrimary: true, route: 'snorted', frequency: 'weekly', amount: 'Weekends only', yearsOfUse: 3, lastUse: dayOf(69) },
          { substance: 'alcohol', isPrimary: false, route: 'oral', frequency: 'several_times_a_week', amount: '8 to 10 pints on a night out', yearsOfUse: 12, lastUse: dayOf(69) },
        ],
        criteria: criteriaOf(['larger_amounts', 'relationships']),
        audit: auditOf(3, 3, 3, 1, 1, 0, 2, 2, 0, 2),
        conditions: [],
        risk: { ...noRisks },
        previousTreatments: [],
      },
      finances: { fundingRoute: 'self_funded', budgetMinPence: 400_000, budgetMaxPence: 600_000, whoPays: 'Dean, from savings' },
      nextAction: { what: 'Send outpatient and day programme options', due: { days: 1, hour: 18 } },
    },
    {
      caller: 'Gary Bennett', relation: 'self', dateOfBirth: '1977-09-14', phone: '0121 496 0115', postcode: 'WV3 9AB', region: 'west_midlands',
      voicemail: true, sayWhoWeAre: true, mentioned: ['amphetamines'], healthConsent: 'on_first_call', openedBy: 'adviser',
      openedHoursAgo: 12 * 24, laterHoursAgo: 7 * 24, stage: { closedFrom: 'enquiry', reason: 'unreachable' },
      openingNote: 'Call cut off after a minute; said he would ring back.',
      notes: [{ body: 'Four calls over five days and two voicemails, no answer.', onLaterCall: true }],
    },

    // ---- East of England ----
    {
      caller: 'Rebecca Thorne', relation: 'self', dateOfBirth: '1981-06-27', phone: '0306 999 0116', email: 'rebecca.thorne@example.org',
      postcode: 'NR2 4PL', region: 'east_of_england', contactTimes: 'Weekdays 9 to 12', voicemail: true, sayWhoWeAre: false,
      mentioned: ['benzodiazepines'], healthConsent: 'on_first_call', openedBy: 'adviser', openedHoursAgo: 52, laterHoursAgo: 24, stage: 'assessment',
      assessment: {
        substances: [{ substance: 'benzodiazepines', isPrimary: true, route: 'oral', frequency: 'daily', amount: 'Alprazolam bought online, 4 to 6 mg', yearsOfUse: 3, lastUse: dayOf(52) }],
        criteria: criteriaOf(['larger_amounts', 'cutting_down', 'time_spent', 'craving', 'health_problems', 'tolerance', 'withdrawal']),
        audit: noAudit,
        conditions: [
          { condition: 'anxiety', status: 'diagnosed', isCurrentlyTreated: true },
          { condition: 'ptsd', status: 'diagnosed', isCurrentlyTreated: false },
        ],
        risk: { ...noRisks },
        previousTreatments: [],
      },
      finances: {
        fundingRoute: 'private_medical_insurance', insurer: 'Meridian Health Insurance', policyNumber: 'MHI-2041-7793-05',
        budgetMaxPence: 1_500_000, notes: 'Insurer needs a GP referral letter; £250 excess.',
      },
      nextAction: { what: 'Ask the insurer for a pre-authorisation number', due: { minutes: 200 } },
      notes: [{ body: 'Prefers email for anything in writing; her phone is shared.', pinned: true }],
    },
    {
      caller: 'Paul Edwards', relation: 'professional', relationDetail: 'Line manager', client: 'Ben Carver', dateOfBirth: '1988-12-12',
      phone: '0306 999 0117', email: 'paul.edwards@example.com', postcode: 'CB4 1YE', region: 'east_of_england', contactTimes: 'Office hours',
      voicemail: true, sayWhoWeAre: true, mentioned: ['cocaine', 'alcohol'], healthConsent: 'on_first_call', openedBy: 'lead', openedHoursAgo: 3 * 24,
      laterHoursAgo: 50, stage: 'assessment',
      openingNote: 'Employer referral. Ben joined the call and agreed to us recording his health details.',
      assessment: {
        substances: [
          { substance: 'cocaine', isPrimary: true, route: 'snorted', frequency: 'several_times_a_week' },
          { substance: 'alcohol', isPrimary: false, route: 'oral', frequency: 'several_times_a_week' },
        ],
        criteria: criteriaOf(['obligations', 'larger_amounts', 'hazardous_use'], ['craving', 'relationships', 'activities_given_up', 'health_problems', 'tolerance', 'withdrawal']),
        audit: auditOf(3, 2),
        conditions: [],
        risk: { suicidalThoughts: 'none', childrenOrVulnerableAdultsAtHome: true },
        previousTreatments: [],
      },
      finances: { fundingRoute: 'employer', budgetMinPence: 800_000, budgetMaxPence: 1_500_000, whoPays: 'His employer' },
      nextAction: { what: 'Speak to Ben alone to finish the assessment', due: { minutes: -24 * 60 } },
      notes: [{ body: 'Ben is more open without his manager on the call.', onLaterCall: true }],
    },
    {
      caller: 'Megan Lowe', relation: 'self', dateOfBirth: '2000-03-03', phone: '0306 999 0118', email: 'megan.lowe@example.org',
      postcode: 'IP4 5SA', region: 'east_of_england', voicemail: true, sayWhoWeAre: true, mentioned: [], healthConsent: 'on_later_call',
      openedBy: 'adviser', assignTo: null, openedHoursAgo: 30, laterHoursAgo: 6, stage: 'assessment',
      assessment: {
        substances: [
          { substance: 'mdma', isPrimary: true, route: 'oral', frequency: 'weekly' },
          { substance: 'ketamine', isPrimary: false, route: 'snorted', frequency: 'weekly' },
        ],
        criteria: {},
        audit: noAudit,
        conditions: [],
        risk: { suicidalThoughts: 'none', selfHarm: false },
        previousTreatments: [],
      },
      nextAction: { what: 'Finish the assessment: severity questions and risk screen', due: { minutes: -60 } },
      notes: [{ body: 'Started the assessment; had to stop for a college lecture. Handed back to the team.', onLaterCall: true }],
    },

    // ---- London ----
    {
      // In crisis three days ago: the adviser recorded what was done, then revised the risk screen.
      caller: 'Oliver Grant', relation: 'self', dateOfBirth: '1986-08-08', phone: '020 7946 0119', email: 'oliver.grant@example.com',
      postcode: 'SE15 4RT', region: 'london', contactTimes: 'Mornings', voicemail: true, sayWhoWeAre: true, mentioned: ['cocaine', 'alcohol'],
      healthConsent: 'on_first_call', openedBy: 'adviser', openedHoursAgo: 3 * 24, laterHoursAgo: 2 * 24 - 3, stage: 'assessment',
      firstAssessment: {
        substances: [{ substance: 'cocaine', isPrimary: true, route: 'snorted', frequency: 'daily' }],
        criteria: {},
        audit: noAudit,
        conditions: [],
        risk: { suicidalThoughts: 'active_with_plan' },
        previousTreatments: [],
      },
      crisisResolved: {
        actions: ['stayed_on_line', 'samaritans', 'safety_plan'],
        details: 'Stayed on the line for forty minutes. His flatmate came home and is with him. Safety plan agreed; call back tomorrow at 10.',
      },
      assessment: {
        substances: [
          { substance: 'cocaine', isPrimary: true, route: 'snorted', frequency: 'daily', amount: 'Two to three grams a day', yearsOfUse: 7, lastUse: dayOf(72) },
          { substance: 'alcohol', isPrimary: false, route: 'oral', frequency: 'daily', amount: 'Wine with the cocaine, a bottle or more', yearsOfUse: 10, lastUse: dayOf(72) },
        ],
        criteria: criteriaOf(first(9)),
        audit: auditOf(4, 3, 3, 2, 3, 1, 4, 2, 0, 2),
        conditions: [{ condition: 'depression', status: 'diagnosed', isCurrentlyTreated: false }],
        risk: { ...noRisks, suicidalThoughts: 'passive' },
        previousTreatments: [],
      },
      finances: { fundingRoute: 'self_funded', budgetMinPence: 1_000_000, budgetMaxPence: 2_000_000, whoPays: 'Oliver' },
      nextAction: { what: 'Daily welfare call, as in his safety plan', due: { minutes: 120 } },
      notes: [
        { body: 'Safety plan: flatmate stays with him; he calls Samaritans on 116 123 or 999 if the thoughts come back.', pinned: true },
        { body: 'Much calmer today; wants a 28-day residential place as soon as possible.', onLaterCall: true },
      ],
    },
    {
      caller: 'Fatima Begum', relation: 'loved_one', relationDetail: 'Mother', client: 'Yusuf Begum', dateOfBirth: '2003-04-15',
      phone: '020 7946 0120', postcode: 'E3 5LJ', region: 'london', contactTimes: 'School hours', voicemail: true, sayWhoWeAre: false,
      mentioned: ['synthetic_cannabinoids'], healthConsent: 'on_first_call', openedBy: 'lead', openedHoursAgo: 5 * 24, laterHoursAgo: 3 * 24,
      stage: 'assessment',
      assessment: {
        substances: [
          { substance: 'synthetic_cannabinoids', isPrimary: true, route: 'smoked', frequency: 'daily', yearsOfUse: 2, lastUse: dayOf(144) },
          { substance: 'cannabis', isPrimary: false, route: 'smoked', frequency: 'daily', yearsOfUse: 5, lastUse: dayOf(144) },
        ],
        criteria: criteriaOf(['larger_amounts', 'craving', 'obligations', 'activities_given_up']),
        audit: noAudit,
        conditions: [{ condition: 'psychosis', status: 'diagnosed', isCurrentlyTreated: true }],
        risk: { ...noRisks },
        previousTreatments: [{ where: 'Early intervention in psychosis team, Tower Hamlets', year: 2024, howItEnded: 'ongoing' }],
      },
      finances: { fundingRoute: 'nhs_or_local_authority', notes: 'Care coordinator will support a funding request.' },
      nextAction: { what: "Three-way call with Yusuf's care coordinator", due: { days: 3, hour: 14 } },
    },
    {
      caller: 'Zoe Adeyemi', relation: 'self', dateOfBirth: '1994-01-22', phone: '020 7946 0121', email: 'zoe.adeyemi@example.org',
      postcode: 'N7 8QP', region: 'london', voicemail: true, sayWhoWeAre: true, mentioned: ['ghb_gbl'], healthConsent: 'on_first_call',
      openedBy: 'adviser', openedHoursAgo: 20, stage: 'assessment',
      assessment: {
        substances: [{ substance: 'ghb_gbl', isPrimary: true, route: 'oral', frequency: 'daily', amount: 'Doses every two to three hours, day and night', yearsOfUse: 1, lastUse: dayOf(20) }],
        criteria: criteriaOf(['larger_amounts', 'craving', 'tolerance', 'withdrawal', 'health_problems']),
        audit: noAudit,
        conditions: [],
        // Round-the-clock GHB can cause a dangerous withdrawal too, though the rule names only alcohol and benzodiazepines.
        risk: { ...noRisks, riskyWithdrawal: true },
        previousTreatments: [],
      },
      finances: { fundingRoute: 'undecided' },
      nextAction: { what: 'Find a clinic with a GHB detox protocol and a bed this week', due: { minutes: -45 } },
    },

    // ---- South East ----
    {
      caller: 'Emily Carr', relation: 'loved_one', relationDetail: 'Daughter', client: 'Janet Carr', dateOfBirth: '1961-10-05',
      phone: '0118 496 0122', email: 'emily.carr@example.com', postcode: 'RG1 7LP', region: 'south_east', contactTimes: 'After 6pm',
      voicemail: true, sayWhoWeAre: true, mentioned: ['prescription_medicines'], healthConsent: 'on_first_call', openedBy: 'adviser',
      openedHoursAgo: 3 * 24, laterHoursAgo: 26, stage: 'assessment',
      assessment: {
        substances: [{ substance: 'prescription_medicines', isPrimary: true, route: 'oral', frequency: 'daily', amount: 'Co-codamol, up to 16 tablets a day', yearsOfUse: 6, lastUse: dayOf(72) }],
        criteria: criteriaOf(['larger_amounts', 'cutting_down', 'tolerance', 'withdrawal']),
        audit: noAudit,
        conditions: [{ condition: 'depression', status: 'diagnosed', isCurrentlyTreated: true }],
        risk: { ...noRisks, overdoseInLast12Months: true },
        previousTreatments: [],
      },
      finances: { fundingRoute: 'family', budgetMinPence: 1_500_000, budgetMaxPence: 2_500_000, whoPays: 'Janet and her children' },
      nextAction: { what: 'Send a shortlist of clinics with older-adult programmes', due: { days: 1, hour: 10 } },
      notes: [{ body: 'Accidental overdose in March; in hospital two nights.', pinned: true }],
    },
    {
      caller: 'Josh Palmer', relation: 'self', dateOfBirth: '2004-07-07', phone: '0118 496 0123', email: 'josh.palmer@example.org',
      postcode: 'BN2 9SE', region: 'south_east', voicemail: true, sayWhoWeAre: true, mentioned: ['cannabis'], healthConsent: 'on_first_call',
      openedBy: 'lead', openedHoursAgo: 10, stage: 'assessment',
      assessment: {
        substances: [{ substance: 'cannabis', isPrimary: true, route: 'smoked', frequency: 'several_times_a_week', amount: 'A joint in the evening', yearsOfUse: 2, lastUse: dayOf(34) }],
        criteria: criteriaOf(['craving']),
        audit: noAudit,
        conditions: [{ condition: 'anxiety', status: 'suspected', isCurrentlyTreated: false }],
        risk: { ...noRisks },
        previousTreatments: [],
      },
      finances: { fundingRoute: 'undecided' },
      nextAction: { what: 'Talk through talking therapy and SMART Recovery rather than rehab', due: { days: 1, hour: 16 } },
      notes: [{ body: 'No disorder on the criteria; worried about his anxiety. Suggested his GP and NHS Talking Therapies.' }],
    },
    {
      caller: 'Laura Fenwick', relation: 'self', dateOfBirth: '1975-02-18', phone: '0118 496 0124', postcode: 'OX4 1DB', region: 'south_east',
      voicemail: false, sayWhoWeAre: true, mentioned: ['alcohol'], healthConsent: 'on_first_call', openedBy: 'adviser', openedHoursAgo: 2,
      stage: 'enquiry',
      openingNote: 'Asked about the cost of private rehab. Will talk more when her husband is out.',
      nextAction: { what: 'Call back for the assessment', due: { minutes: 60 } },
    },

    // ---- South West ----
    {
      caller: 'Nathan Cole', relation: 'self', dateOfBirth: '1989-11-30', phone: '0117 496 0125', postcode: 'BS5 0HT', region: 'south_west',
      contactTimes: 'Afternoons', voicemail: true, sayWhoWeAre: true, mentioned: ['heroin'], healthConsent: 'on_first_call', openedBy: 'adviser',
      openedHoursAgo: 2 * 24, laterHoursAgo: 22, stage: 'assessment',
      assessment: {
        substances: [{ substance: 'heroin', isPrimary: true, route: 'injected', frequency: 'daily', amount: 'Three bags a day', yearsOfUse: 9, lastUse: dayOf(48) }],
        criteria: criteriaOf(first(9)),
        audit: noAudit,
        conditions: [],
        risk: { ...noRisks, childrenOrVulnerableAdultsAtHome: true },
        previousTreatments: [{ where: 'Residential rehab, Weston-super-Mare', year: 2020, howItEnded: 'completed' }],
      },
      finances: { fundingRoute: 'nhs_or_local_authority', notes: 'Local authority funded his last placement.' },
      nextAction: { what: 'Ask his recovery worker to start a funding referral', due: { minutes: 240 } },
      notes: [{ body: 'His daughter (6) lives with him half the week. Safeguarding talked through with him.', pinned: true }],
    },
    {
      caller: 'Karen Pascoe', relation: 'loved_one', relationDetail: 'Sister', client: 'Lee Pascoe', dateOfBirth: '1991-05-05',
      phone: '0117 496 0126', email: 'karen.pascoe@example.org', postcode: 'PL4 8NG', region: 'south_west', voicemail: true, sayWhoWeAre: true,
      mentioned: ['amphetamines'], healthConsent: 'on_first_call', openedBy: 'lead', assignTo: 'adviser', openedHoursAgo: 4 * 24, laterHoursAgo: 3 * 24,
      stage: 'assessment',
      assessment: {
        substances: [{ substance: 'amphetamines', isPrimary: true, route: 'snorted', frequency: 'several_times_a_week', yearsOfUse: 4, lastUse: dayOf(144) }],
        criteria: criteriaOf(['larger_amounts', 'time_spent', 'relationships']),
        audit: noAudit,
        conditions: [],
        risk: { ...noRisks, childrenOrVulnerableAdultsAtHome: true },
        previousTreatments: [],
      },
      finances: { fundingRoute: 'family', budgetMinPence: 200_000, budgetMaxPence: 400_000, whoPays: 'Karen and their mother' },
      nextAction: { what: 'Send day-programme options near Plymouth', due: { days: 2, hour: 15 } },
    },
    {
      caller: 'Alfie Jory', relation: 'self', dateOfBirth: '1997-09-09', phone: '0117 496 0127', email: 'alfie.jory@example.com',
      postcode: 'EX4 6PX', region: 'south_west', voicemail: true, sayWhoWeAre: true, mentioned: ['alcohol'], healthConsent: 'on_first_call',
      openedBy: 'adviser', openedHoursAgo: 6 * 24, laterHoursAgo: 2 * 24, stage: { closedFrom: 'assessment', reason: 'chose_another_provider' },
      assessment: {
        substances: [{ substance: 'alcohol', isPrimary: true, route: 'oral', frequency: 'several_times_a_week', amount: '10 to 12 pints', yearsOfUse: 8, lastUse: dayOf(168) }],
        criteria: criteriaOf(['larger_amounts', 'cutting_down', 'obligations', 'hazardous_use']),
        audit: auditOf(3, 4, 3, 2, 2),
        conditions: [],
        risk: { ...noRisks },
        previousTreatments: [],
      },
      notes: [{ body: 'Booked himself into a programme his GP suggested. Wished him well.', onLaterCall: true }],
    },

    // ---- Wales ----
    {
      caller: 'Rhys Llewellyn', relation: 'self', dateOfBirth: '1970-12-24', phone: '029 2018 0128', email: 'rhys.llewellyn@example.org',
      postcode: 'CF24 3EP', region: 'wales', contactTimes: 'Mornings', voicemail: true, sayWhoWeAre: true, mentioned: ['alcohol'],
      healthConsent: 'on_first_call', openedBy: 'adviser', openedHoursAgo: 27, stage: 'assessment',
      assessment: {
        substances: [{ substance: 'alcohol', isPrimary: true, route: 'oral', frequency: 'daily', amount: 'Three bottles of wine a day', yearsOfUse: 20, lastUse: dayOf(27) }],
        criteria: criteriaOf(first(7)),
        audit: auditOf(4, 4, 4, 3, 3, 3, 4, 2, 2, 4),
        conditions: [{ condition: 'ptsd', status: 'diagnosed', isCurrentlyTreated: true }],
        risk: { ...noRisks },
        previousTreatments: [{ where: 'Veterans’ NHS Wales service', year: 2018, howItEnded: 'completed' }],
      },
      finances: { fundingRoute: 'self_funded', budgetMinPence: 900_000, budgetMaxPence: 1_400_000, whoPays: 'Rhys, from his pension lump sum' },
      nextAction: { what: 'Confirm detox bed availability in South Wales', due: { minutes: -90 } },
      notes: [{ body: 'Ex-forces; PTSD treated by Veterans’ NHS Wales. Wants to stay in Wales.', pinned: true }],
    },
    {
      caller: 'Siân Pritchard', relation: 'loved_one', relationDetail: 'Partner', client: 'Gethin Rowlands', dateOfBirth: '1990-03-16',
      phone: '029 2018 0129', postcode: 'SA1 8PN', region: 'wales', contactTimes: 'Weekday evenings', voicemail: true, sayWhoWeAre: true,
      mentioned: ['cocaine'], healthConsent: 'on_first_call', openedBy: 'adviser', assignTo: null, openedHoursAgo: 34, stage: 'assessment',
      assessment: {
        substances: [{ substance: 'cocaine', isPrimary: true, route: 'snorted', frequency: 'less_than_weekly', amount: 'At parties', yearsOfUse: 3, lastUse: dayOf(274) }],
        criteria: criteriaOf(['hazardous_use']),
        audit: noAudit,
        conditions: [],
        risk: { ...noRisks, childrenOrVulnerableAdultsAtHome: true },
        previousTreatments: [],
      },
      finances: { fundingRoute: 'undecided' },
      nextAction: { what: 'Offer Siân the family support group details', due: { days: 1, hour: 19 } },
      notes: [{ body: 'Gethin joined and answered himself: no disorder on the criteria. Siân is worried about the baby at home.' }],
    },
    {
      caller: 'Carys Jones', relation: 'self', dateOfBirth: '1983-08-01', phone: '029 2018 0130', email: 'carys.jones@example.com',
      postcode: 'NP20 4GH', region: 'wales', voicemail: true, sayWhoWeAre: true, mentioned: ['gambling'], healthConsent: 'on_first_call',
      openedBy: 'lead', openedHoursAgo: 20, stage: 'enquiry',
      openingNote: 'Online gambling debts; asked whether we help with gambling as well as drugs.',
      nextAction: { what: 'Call back with gambling treatment options', due: { minutes: -20 } },
    },
  ];
}

// ---- Checked before anything is written ----

const randomCase = () => ({ id: randomUUID(), version: 1 });

function checked<S extends z.ZodType>(schema: S, value: unknown, what: string, person: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`Demo case for ${person}: ${what} is not valid: ${result.error.issues.map((issue) => issue.message).join('; ')}`);
  return result.data;
}

/** Parsed as the app parses a save, with a made-up id and version that are then dropped. */
function storedAssessment(draft: Draft, person: string) {
  const { id: _id, version: _version, ...stored } = checked(assessmentSchema, { ...draft, ...randomCase() }, 'the assessment', person);
  return stored;
}

function dueAt(due: Due, now: Date): Date {
  return 'minutes' in due ? new Date(now.getTime() + due.minutes * 60_000) : londonHourOn(now, due.hour, due.days);
}

/** Every answer of one case as the app would accept it, or an error naming the person. */
function prepare(demo: DemoCase, now: Date) {
  const person = demo.caller;
  const reachesAssessment = demo.stage === 'assessment' || (typeof demo.stage === 'object' && demo.stage.closedFrom !== 'enquiry');
  if ((reachesAssessment || demo.assessment || demo.firstAssessment) && demo.healthConsent === 'not_yet') {
    throw new Error(`Demo case for ${person}: an assessment needs consent to record health information`);
  }
  const consentNow = demo.healthConsent === 'on_first_call';
  if (demo.placement) {
    if (!reachesAssessment) throw new Error(`Demo case for ${person}: only a case in Assessment is placed`);
    if (demo.placement.proposedDaysAgo * 24 >= Math.min(demo.openedHoursAgo, demo.laterHoursAgo ?? Infinity)) {
      throw new Error(`Demo case for ${person}: the placement must come after the calls`);
    }
    checkDemoPlacement(demo.placement, person);
  }
  return {
    demo,
    reachesAssessment,
    call: checked(
      inboundCallSchema,
      {
        callerName: demo.caller,
        phone: demo.phone,
        email: demo.email,
        forWhom: demo.relation,
        clientName: demo.client,
        substances: consentNow ? demo.mentioned : [],
        immediateDanger: demo.inDanger ?? false,
        consentToContact: true,
        consentToHealthData: consentNow,
        notes: demo.openingNote,
      },
      'the inbound call',
      person,
    ),
    contact: checked(
      contactDetailsSchema,
      {
        clientName: demo.client ?? (demo.relation === 'self' ? demo.caller : undefined),
        dateOfBirth: demo.dateOfBirth,
        callerName: demo.caller,
        callerRelation: demo.relation,
        relationDetail: demo.relationDetail,
        phone: demo.phone,
        email: demo.email,
        postcode: demo.postcode,
        region: demo.region,
        preferredContactTimes: demo.contactTimes,
        safeToLeaveVoicemail: demo.voicemail,
        safeToSayWhoWeAre: demo.sayWhoWeAre,
      },
      'the contact details',
      person,
    ),
    firstAssessment: demo.firstAssessment && storedAssessment(demo.firstAssessment, person),
    assessment: demo.assessment && storedAssessment(demo.assessment, person),
    crisisAction: demo.crisisResolved && checked(recordCrisisActionSchema, { id: randomUUID(), ...demo.crisisResolved }, 'the crisis action', person),
    finances: demo.finances && checked(financesSchema, demo.finances, 'the finances', person),
    nextAction:
      demo.nextAction &&
      checked(setNextActionSchema, { ...randomCase(), what: demo.nextAction.what, dueAt: dueAt(demo.nextAction.due, now) }, 'the next action', person),
    closing:
      typeof demo.stage === 'object'
        ? checked(moveStageSchema, { ...randomCase(), to: 'closed', closureReason: demo.stage.reason, reason: demo.stage.words }, 'the closure', person)
        : undefined,
    notes: (demo.notes ?? []).map((note) => ({
      ...checked(addNoteSchema, { id: randomUUID(), body: note.body, isPinned: note.pinned ?? false }, 'a note', person),
      onLaterCall: note.onLaterCall ?? false,
    })),
  };
}

export type PreparedDemoCase = ReturnType<typeof prepare>;

/** A closing as the stage rules would judge it, from where the calls and the placement leave the case. */
function checkDemoClosing(prepared: PreparedDemoCase): PreparedDemoCase {
  const { demo, closing } = prepared;
  if (typeof demo.stage !== 'object' || !closing) return prepared;
  const fail = (why: string) => new Error(`Demo case for ${demo.caller}: ${why}`);
  const placed = demo.placement
    ? demoPlacementFacts(demo.placement)
    : ({ stage: prepared.reachesAssessment ? 'assessment' : 'enquiry', activePlacement: null, lastCheckInDone: false } as const);
  if (placed.stage !== demo.stage.closedFrom) throw fail(`it is in ${placed.stage} when it closes, not ${demo.stage.closedFrom}`);
  const raisesCrisis = [prepared.firstAssessment, prepared.assessment].some((saved) => saved && assessmentSummaryOf(saved).riskLevel === 'immediate');
  const facts = { ...placed, contactMade: true, consentsRecorded: true, assessmentGaps: [], fundingRouteSet: true, hasConfirmedPlacement: false, placementDischarged: false };
  const check = checkStageMove({ ...facts, hasOpenCrisis: raisesCrisis && !demo.crisisResolved }, closing, demo.openedBy === 'lead');
  if (!check.allowed) throw fail(`it cannot close: ${check.why}`);
  return prepared;
}

/** The London calendar day of the moment `hoursAgo` hours before `now`, as "2026-11-28". */
function londonDayOf(now: Date, hoursAgo: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: LONDON }).format(new Date(now.getTime() - hoursAgo * 3_600_000));
}

/**
 * Every demo case, checked as the app would check it (throws before the database is touched),
 * oldest first so that references count up in the order the cases were opened.
 */
export function preparedDemoCases(now: Date): PreparedDemoCase[] {
  const dayOf = (hoursAgo: number) => londonDayOf(now, hoursAgo);
  return [...demoCases(dayOf), ...placedDemoCases(dayOf), ...shiftDemoCases(dayOf)]
    .map((demo) => checkDemoClosing(prepare(demo, now)))
    .sort((a, b) => b.demo.openedHoursAgo - a.demo.openedHoursAgo);
}

// ---- Written through the services an adviser's screens call ----

export interface DemoStaff {
  adviser: StaffActor;
  lead: StaffActor;
}

/** The demo clinics' ids by name, for the placements. */
export type DemoClinicIds = ReadonlyMap<string, string>;

const STEP_MS = 3 * 60_000;

async function versionsOf(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('cases')
    .select(['version', 'contact_version as contact', 'assessment_version as assessment', 'finances_version as finances'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** One person's case: the first call, then (if there was one) the later call, a few minutes a step. */
async function seedCase(db: Kysely<Database>, staff: DemoStaff, clinicIds: DemoClinicIds, prepared: PreparedDemoCase, now: Date): Promise<void> {
  const { demo } = prepared;
  const owner = staff[demo.openedBy];
  let at = new Date(now.getTime() - demo.openedHoursAgo * 3_600_000);
  const step = () => {
    at = new Date(at.getTime() + STEP_MS);
    if (at.getTime() > now.getTime()) throw new Error(`Demo case for ${demo.caller}: its calls run past now; open it earlier`);
    return at;
  };
  const laterCall = () => {
    if (demo.laterHoursAgo === undefined) return;
    if (demo.laterHoursAgo >= demo.openedHoursAgo) throw new Error(`Demo case for ${demo.caller}: the later call must come after the first`);
    at = new Date(now.getTime() - demo.laterHoursAgo * 3_600_000);
  };
  const notesOf = async (onLaterCall: boolean) => {
    for (const note of prepared.notes.filter((item) => item.onLaterCall === onLaterCall)) {
      await addNote(db, owner, { id: caseId, body: note.body, isPinned: note.isPinned }, step());
    }
  };
  const saveAssessment = async (assessment: NonNullable<PreparedDemoCase['assessment']>) => {
    const saved = await updateAssessment(db, owner, { ...assessment, id: caseId, version: (await versionsOf(db, caseId)).assessment }, step());
    // Saving an immediate risk opens a crisis (the service does it); some were dealt with at once.
    if (saved.riskLevel === 'immediate' && prepared.crisisAction) {
      await recordCrisisAction(db, owner, { ...prepared.crisisAction, id: caseId }, step());
    }
  };
  const moveTo = async (move: { to: 'assessment' } | NonNullable<PreparedDemoCase['closing']>) => {
    await moveStage(db, owner, { ...move, id: caseId, version: (await versionsOf(db, caseId)).version }, step());
  };

  // The first call.
  const opened = await openFromInboundCall(db, owner, prepared.call, at);
  const { id: caseId } = await db.selectFrom('cases').select('id').where('reference', '=', opened.reference).executeTakeFirstOrThrow();
  await updateContact(db, owner, { id: caseId, version: (await versionsOf(db, caseId)).contact, contact: prepared.contact }, step());
  const revisedLater = prepared.firstAssessment !== undefined || demo.healthConsent === 'on_later_call';
  if (demo.healthConsent === 'on_first_call') {
    if (prepared.reachesAssessment) await moveTo({ to: 'assessment' });
    const firstSave = prepared.firstAssessment ?? prepared.assessment;
    if (firstSave) await saveAssessment(firstSave);
  }
  await notesOf(false);

  // The later call, or more of the first.
  laterCall();
  if (demo.healthConsent === 'on_later_call') {
    await recordHealthDataConsent(db, owner, { id: caseId, version: (await versionsOf(db, caseId)).contact, given: true }, step());
    if (prepared.reachesAssessment) await moveTo({ to: 'assessment' });
  }
  if (revisedLater && prepared.assessment) await saveAssessment(prepared.assessment);
  await notesOf(true);
  if (prepared.finances) {
    await updateFinances(db, owner, { id: caseId, version: (await versionsOf(db, caseId)).finances, finances: prepared.finances }, step());
  }
  if (demo.placement) {
    const clinicId = clinicIds.get(demo.placement.clinic);
    if (!clinicId) throw new Error(`Demo case for ${demo.caller}: there is no demo clinic called ${demo.placement.clinic}`);
    at = await seedDemoPlacement(db, owner, { caseId, clinicId, placement: demo.placement }, now);
  }
  if (prepared.closing) await moveTo(prepared.closing);
  if (prepared.nextAction) {
    const { what, dueAt: due } = prepared.nextAction;
    await setNextAction(db, owner, { id: caseId, version: (await versionsOf(db, caseId)).version, what, dueAt: due }, step());
  }
  const assignTo = demo.assignTo === undefined ? demo.openedBy : demo.assignTo;
  if (assignTo !== demo.openedBy) {
    // Whoever has a case may hand it back to the team; moving it to someone else is the team lead's call.
    const by = assignTo === null ? owner : staff.lead;
    const adviserId = assignTo === null ? null : staff[assignTo].userId;
    await assignCase(db, by, { id: caseId, version: (await versionsOf(db, caseId)).version, adviserId }, step());
  }
}

/** The case pipeline as a newcomer should see it: every region, stage, severity and risk. */
export async function seedDemoCases(
  db: Kysely<Database>,
  staff: DemoStaff,
  clinicIds: DemoClinicIds,
  cases: readonly PreparedDemoCase[],
  now: Date,
): Promise<void> {
  for (const one of cases) await seedCase(db, staff, clinicIds, one, now);
}
