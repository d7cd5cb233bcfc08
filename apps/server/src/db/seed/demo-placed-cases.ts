import type { DemoCase } from './demo-cases';
import { auditOf, criteriaOf, first, noAudit, noRisks } from './demo-answers';

const DAY = 24;

/**
 * People further along: a clinic proposed, confirmed, admitted, discharged and in aftercare
 * with check-ins done, due today, overdue and one relapse, so each step of a placement can be
 * seen. `dayOf(h)` is the London day h hours ago.
 */
export function placedDemoCases(dayOf: (hoursAgo: number) => string): DemoCase[] {
  return [
    {
      caller: 'Daniel Whitfield', relation: 'self', dateOfBirth: '1976-03-09', phone: '0161 496 0140', email: 'd.whitfield@example.com',
      postcode: 'M20 2LN', region: 'north_west', voicemail: true, sayWhoWeAre: true, mentioned: ['alcohol'], healthConsent: 'on_first_call',
      openedBy: 'adviser', openedHoursAgo: 6 * DAY, stage: 'assessment',
      openingNote: 'Wants a detox before Christmas; his employer knows and has given him leave.',
      assessment: {
        substances: [{ substance: 'alcohol', isPrimary: true, route: 'oral', frequency: 'daily', amount: 'Two bottles of wine a day', yearsOfUse: 12, lastUse: dayOf(6 * DAY) }],
        criteria: criteriaOf(first(7)),
        audit: auditOf(4, 4, 4, 3, 3, 3, 3, 2, 0, 4),
        conditions: [],
        risk: { ...noRisks, riskyWithdrawal: true },
        previousTreatments: [],
      },
      finances: { fundingRoute: 'self_funded', budgetMaxPence: 1_800_000, whoPays: 'Daniel' },
      placement: { clinic: 'Pennine Lodge', programme: 'medically_managed_detox', lengthDays: 28, weeklyPounds: 3_800, proposedDaysAgo: 1 },
      nextAction: { what: 'Confirm with Pennine Lodge once Daniel agrees the admission date', due: { minutes: 90 } },
    },
    {
      caller: 'Priya Raman', relation: 'loved_one', relationDetail: 'Sister', client: 'Arjun Raman', dateOfBirth: '1991-07-22', phone: '020 7946 0140',
      postcode: 'SE15 4QN', region: 'london', voicemail: false, sayWhoWeAre: true, mentioned: ['cocaine', 'alcohol'], healthConsent: 'on_first_call',
      openedBy: 'adviser', openedHoursAgo: 9 * DAY, stage: 'assessment',
      openingNote: 'Priya called with Arjun beside her; he agreed to her speaking for him.',
      assessment: {
        substances: [
          { substance: 'cocaine', isPrimary: true, route: 'snorted', frequency: 'several_times_a_week', amount: 'Two to three grams a night out', yearsOfUse: 5, lastUse: dayOf(9 * DAY) },
          { substance: 'alcohol', isPrimary: false, route: 'oral', frequency: 'several_times_a_week', yearsOfUse: 10, lastUse: dayOf(9 * DAY) },
        ],
        criteria: criteriaOf(first(6)),
        audit: auditOf(3, 3, 2, 2, 2, 0, 2, 1, 0, 2),
        conditions: [{ condition: 'anxiety', status: 'suspected' }],
        risk: noRisks,
        previousTreatments: [],
      },
      finances: { fundingRoute: 'family', budgetMaxPence: 2_500_000, whoPays: 'Their parents' },
      placement: { clinic: 'Southwark Place', programme: 'residential_rehab', lengthDays: 28, weeklyPounds: 5_200, proposedDaysAgo: 4, confirmedDaysAgo: 2 },
      nextAction: { what: 'Agree the admission day and travel with Arjun', due: { days: 1, hour: 11 } },
    },
    {
      caller: 'Gary Holdsworth', relation: 'self', dateOfBirth: '1984-12-01', phone: '0113 496 0140', postcode: 'LS11 5QA', region: 'yorkshire_and_the_humber',
      voicemail: true, sayWhoWeAre: false, mentioned: ['heroin'], healthConsent: 'on_first_call', openedBy: 'lead', assignTo: 'adviser',
      openedHoursAgo: 40 * DAY, stage: 'assessment',
      assessment: {
        substances: [{ substance: 'heroin', isPrimary: true, route: 'smoked', frequency: 'daily', amount: 'About £30 a day', yearsOfUse: 9, lastUse: dayOf(40 * DAY) }],
        criteria: criteriaOf(first(9)),
        audit: noAudit,
        conditions: [],
        risk: noRisks,
        previousTreatments: [{ where: 'Forward Leeds', year: 2022, howItEnded: 'left_early' }],
      },
      finances: { fundingRoute: 'nhs_or_local_authority', notes: 'Funded place agreed by his drugs worker at Forward Leeds.' },
      placement: {
        clinic: 'Kirkstall Grange', programme: 'residential_rehab', lengthDays: 56, weeklyPounds: 3_500, proposedDaysAgo: 30, confirmedDaysAgo: 28, admittedDaysAgo: 25,
        plan: { supportGroups: ['narcotics_anonymous'], localServices: 'Forward Leeds keyworker after discharge', therapy: 'Group therapy at Kirkstall continues weekly' },
      },
    },
    {
      caller: 'Natasha Greene', relation: 'self', dateOfBirth: '1988-05-30', phone: '0121 496 0140', email: 'tash.greene@example.org', postcode: 'B13 8JP',
      region: 'west_midlands', voicemail: true, sayWhoWeAre: true, mentioned: ['benzodiazepines', 'alcohol'], healthConsent: 'on_first_call',
      openedBy: 'adviser', openedHoursAgo: 20 * DAY, stage: 'assessment',
      assessment: {
        substances: [
          { substance: 'benzodiazepines', isPrimary: true, route: 'oral', frequency: 'daily', amount: 'Diazepam bought online, up to 40mg', yearsOfUse: 4, lastUse: dayOf(20 * DAY) },
          { substance: 'alcohol', isPrimary: false, route: 'oral', frequency: 'weekly', yearsOfUse: 8, lastUse: dayOf(22 * DAY) },
        ],
        criteria: criteriaOf(first(8)),
        audit: auditOf(2, 2, 1, 1, 1, 0, 1, 1, 0, 0),
        conditions: [{ condition: 'anxiety', status: 'diagnosed', isCurrentlyTreated: true }],
        risk: { ...noRisks, riskyWithdrawal: true },
        previousTreatments: [],
      },
      finances: { fundingRoute: 'private_medical_insurance', insurer: 'Example Health', policyNumber: 'EXH-5520-1187', budgetMaxPence: 1_500_000 },
      placement: { clinic: 'Edgbaston Court', programme: 'medically_managed_detox', lengthDays: 28, weeklyPounds: 3_600, proposedDaysAgo: 15, confirmedDaysAgo: 14, admittedDaysAgo: 10 },
    },
    {
      caller: 'Martin Cole', relation: 'self', dateOfBirth: '1969-10-14', phone: '0117 496 0140', postcode: 'BS3 1QF', region: 'south_west',
      voicemail: true, sayWhoWeAre: true, mentioned: ['alcohol'], healthConsent: 'on_first_call', openedBy: 'adviser', openedHoursAgo: 50 * DAY, stage: 'assessment',
      assessment: {
        substances: [{ substance: 'alcohol', isPrimary: true, route: 'oral', frequency: 'daily', amount: 'A bottle of whisky a day', yearsOfUse: 20, lastUse: dayOf(50 * DAY) }],
        criteria: criteriaOf(first(9)),
        audit: auditOf(4, 4, 4, 4, 3, 4, 3, 3, 2, 4),
        conditions: [{ condition: 'depression', status: 'diagnosed', isCurrentlyTreated: false }],
        risk: { ...noRisks, riskyWithdrawal: true },
        previousTreatments: [],
      },
      finances: { fundingRoute: 'self_funded', budgetMaxPence: 1_600_000 },
      placement: {
        clinic: 'Avon Gorge House', programme: 'residential_rehab', lengthDays: 28, weeklyPounds: 3_500, proposedDaysAgo: 45, confirmedDaysAgo: 44, admittedDaysAgo: 42,
        discharged: { daysAgo: 7, outcome: 'completed' },
        plan: { supportGroups: ['alcoholics_anonymous', 'smart_recovery'], localServices: 'Bristol Drugs Project drop-in', notes: 'Lives alone; his brother calls daily.' },
      },
    },
    {
      caller: 'Sandra Wilkinson', relation: 'loved_one', relationDetail: 'Mother', client: 'Jade Wilkinson', dateOfBirth: '1999-01-17', phone: '0116 496 0140',
      postcode: 'NG7 2BH', region: 'east_midlands', voicemail: false, sayWhoWeAre: false, mentioned: ['crack_cocaine', 'heroin'], healthConsent: 'on_first_call',
      openedBy: 'adviser', openedHoursAgo: 90 * DAY, stage: 'assessment',
      assessment: {
        substances: [
          { substance: 'crack_cocaine', isPrimary: true, route: 'smoked', frequency: 'daily', yearsOfUse: 3, lastUse: dayOf(90 * DAY) },
          { substance: 'heroin', isPrimary: false, route: 'smoked', frequency: 'several_times_a_week', yearsOfUse: 2, lastUse: dayOf(91 * DAY) },
        ],
        criteria: criteriaOf(first(10)),
        audit: noAudit,
        conditions: [{ condition: 'ptsd', status: 'suspected' }],
        risk: noRisks,
        previousTreatments: [],
      },
      finances: { fundingRoute: 'family', budgetMaxPence: 2_200_000, whoPays: 'Sandra and Jade’s grandparents' },
      placement: {
        clinic: 'Sherwood House', programme: 'residential_rehab', lengthDays: 42, weeklyPounds: 3_300, proposedDaysAgo: 80, confirmedDaysAgo: 79, admittedDaysAgo: 77,
        discharged: { daysAgo: 36, outcome: 'left_early' },
        plan: { supportGroups: ['cocaine_anonymous', 'narcotics_anonymous'], therapy: 'Trauma counselling through her GP' },
        checkIns: [{ outcome: 'struggling', notes: 'Jade is back at her mum’s and going to CA on Tuesdays; cravings at weekends.' }],
      },
    },
    {
      caller: 'Rhys Morgan', relation: 'self', dateOfBirth: '1980-04-25', phone: '029 2018 0140', email: 'rhys.morgan@example.com', postcode: 'CF24 3AA',
      region: 'wales', voicemail: true, sayWhoWeAre: true, mentioned: ['alcohol'], healthConsent: 'on_first_call', openedBy: 'adviser', openedHoursAgo: 140 * DAY, stage: 'assessment',
      assessment: {
        substances: [{ substance: 'alcohol', isPrimary: true, route: 'oral', frequency: 'daily', amount: 'Eight cans of strong lager', yearsOfUse: 14, lastUse: dayOf(140 * DAY) }],
        criteria: criteriaOf(first(7)),
        audit: auditOf(4, 4, 3, 3, 2, 2, 2, 2, 0, 2),
        conditions: [],
        risk: { ...noRisks, riskyWithdrawal: true },
        previousTreatments: [],
      },
      finances: { fundingRoute: 'self_funded', budgetMaxPence: 1_400_000 },
      placement: {
        clinic: 'Taff Vale House', programme: 'residential_rehab', lengthDays: 28, weeklyPounds: 3_000, proposedDaysAgo: 130, confirmedDaysAgo: 129, admittedDaysAgo: 127,
        discharged: { daysAgo: 99, outcome: 'completed' },
        plan: { supportGroups: ['alcoholics_anonymous'], localServices: 'Cardiff community alcohol team' },
        checkIns: [{ outcome: 'well' }, { outcome: 'well', notes: 'Back at work part time.' }, { outcome: 'well', notes: 'Ninety days sober; chairs an AA meeting now.' }],
      },
    },
    {
      caller: 'Ellie Harper', relation: 'self', dateOfBirth: '1996-09-03', phone: '0118 496 0140', email: 'ellie.h@example.org', postcode: 'BN2 1TW',
      region: 'south_east', voicemail: true, sayWhoWeAre: true, mentioned: ['ketamine'], healthConsent: 'on_first_call', openedBy: 'adviser', openedHoursAgo: 150 * DAY, stage: 'assessment',
      assessment: {
        substances: [{ substance: 'ketamine', isPrimary: true, route: 'snorted', frequency: 'daily', amount: 'About 3 grams a day', yearsOfUse: 4, lastUse: dayOf(150 * DAY) }],
        criteria: criteriaOf(first(8)),
        audit: noAudit,
        conditions: [{ condition: 'depression', status: 'suspected' }],
        risk: noRisks,
        previousTreatments: [],
      },
      finances: { fundingRoute: 'self_funded', budgetMaxPence: 2_000_000 },
      placement: {
        clinic: 'Downs View', programme: 'residential_rehab', lengthDays: 28, weeklyPounds: 4_300, proposedDaysAgo: 140, confirmedDaysAgo: 138, admittedDaysAgo: 135,
        discharged: { daysAgo: 107, outcome: 'completed' },
        plan: { supportGroups: ['smart_recovery'], therapy: 'Urology follow-up and weekly counselling' },
        checkIns: [
          { outcome: 'well' },
          { outcome: 'struggling', notes: 'Lost her job; finding evenings hard.' },
          { outcome: 'relapsed', notes: 'Using again most days since a festival. Wants to go back in.' },
        ],
      },
    },
    {
      caller: 'Paul Hetherington', relation: 'self', dateOfBirth: '1972-02-11', phone: '0191 498 0140', postcode: 'NE3 4AB', region: 'north_east',
      voicemail: true, sayWhoWeAre: true, mentioned: ['alcohol'], healthConsent: 'on_first_call', openedBy: 'adviser', openedHoursAgo: 420 * DAY, stage: 'assessment',
      assessment: {
        substances: [{ substance: 'alcohol', isPrimary: true, route: 'oral', frequency: 'daily', yearsOfUse: 25, lastUse: dayOf(420 * DAY) }],
        criteria: criteriaOf(first(8)),
        audit: auditOf(4, 4, 4, 3, 3, 3, 3, 2, 2, 4),
        conditions: [],
        risk: { ...noRisks, riskyWithdrawal: true },
        previousTreatments: [],
      },
      finances: { fundingRoute: 'self_funded', budgetMaxPence: 1_500_000 },
      placement: {
        clinic: 'Tyneview House', programme: 'residential_rehab', lengthDays: 28, weeklyPounds: 3_200, proposedDaysAgo: 410, confirmedDaysAgo: 408, admittedDaysAgo: 400,
        discharged: { daysAgo: 372, outcome: 'completed' },
        plan: { supportGroups: ['alcoholics_anonymous'] },
        checkIns: [{ outcome: 'well' }, { outcome: 'well' }, { outcome: 'struggling', notes: 'A wobble after his father died; did not drink.' }, { outcome: 'well' }, { outcome: 'well', notes: 'A year sober. Happy for us to close his case.' }],
      },
    },
    {
      caller: 'Zoe Fenwick', relation: 'self', dateOfBirth: '1993-06-18', phone: '01223 496140', email: 'zoe.fenwick@example.com', postcode: 'NR2 4SQ',
      region: 'east_of_england', voicemail: true, sayWhoWeAre: true, mentioned: ['cocaine'], healthConsent: 'on_first_call', openedBy: 'adviser', openedHoursAgo: 12 * DAY, stage: 'assessment',
      assessment: {
        substances: [{ substance: 'cocaine', isPrimary: true, route: 'snorted', frequency: 'several_times_a_week', yearsOfUse: 6, lastUse: dayOf(12 * DAY) }],
        criteria: criteriaOf(first(6)),
        audit: noAudit,
        conditions: [],
        risk: noRisks,
        previousTreatments: [],
      },
      finances: { fundingRoute: 'employer', budgetMaxPence: 1_800_000, whoPays: 'Her employer’s health scheme' },
      placement: {
        clinic: 'Broadland House', programme: 'residential_rehab', lengthDays: 28, weeklyPounds: 3_400, proposedDaysAgo: 8,
        cancelled: { daysAgo: 6, reason: 'Her employer’s scheme will only fund outpatient treatment first; looking at day programmes.' },
      },
      nextAction: { what: 'Find Zoe a day programme her employer’s scheme will fund', due: { minutes: 240 } },
    },
  ];
}
