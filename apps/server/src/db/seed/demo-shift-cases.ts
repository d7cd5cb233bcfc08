import type { DemoCase } from './demo-cases';
import { auditOf, criteriaOf, first, noAudit, noRisks } from './demo-answers';

const DAY = 24;
/** An hour in minutes, for a next action due `{ minutes }` from now. */
const HOUR = 60;

type Draft = NonNullable<DemoCase['assessment']>;

/** An assessment with no AUDIT, conditions, risks or earlier treatment unless `more` gives them. */
const assessed = (substances: Draft['substances'], criteria: Draft['criteria'], more: Partial<Draft> = {}): Draft => ({
  substances,
  criteria,
  audit: noAudit,
  conditions: [],
  risk: noRisks,
  previousTreatments: [],
  ...more,
});

/**
 * A team lead's shift on the pipeline board: new enquiries, assessments waiting on funding, people
 * at a clinic and in aftercare, some stale, some with nobody on them, and a case closed for each
 * reason the app offers (completed only after the last aftercare check-in). `dayOf(h)` is the
 * London day h hours ago.
 */
export function shiftDemoCases(dayOf: (hoursAgo: number) => string): DemoCase[] {
  return [
    // ---- Enquiry ----
    {
      caller: 'Bethany Armstrong', relation: 'self', dateOfBirth: '1995-04-12', phone: '0191 498 0150', postcode: 'NE24 2JT', region: 'north_east',
      contactTimes: 'Weekday lunchtimes', voicemail: false, sayWhoWeAre: false, mentioned: ['alcohol', 'cocaine'], healthConsent: 'on_first_call',
      openedBy: 'adviser', assignTo: null, openedHoursAgo: 5 * DAY, laterHoursAgo: 2 * DAY, stage: 'enquiry',
      openingNote: 'Rang from her car on a lunch break; had to go before we could talk properly.',
      nextAction: { what: 'Try Bethany at lunchtime; no voicemail, her partner checks her phone', due: { minutes: -30 * HOUR } },
      notes: [{ body: 'Two lunchtime calls since, no answer. Handed back to the team so whoever is free at 12 can try.', onLaterCall: true }],
    },
    {
      caller: 'Callum Whittaker', relation: 'self', dateOfBirth: '2002-08-30', phone: '0161 496 0150', email: 'callum.whittaker@example.com', postcode: 'M15 4FN',
      region: 'north_west', contactTimes: 'Afternoons', voicemail: true, sayWhoWeAre: true, mentioned: ['ketamine'], healthConsent: 'on_first_call',
      openedBy: 'lead', assignTo: 'adviser', openedHoursAgo: 1.5, stage: 'enquiry',
      openingNote: 'Student; his flatmates told him to ring. Worried about bladder pain. Booked a proper call for this afternoon.',
      nextAction: { what: 'Call Callum back for the assessment', due: { minutes: 45 } },
    },
    {
      caller: 'Shabana Akhtar', relation: 'loved_one', relationDetail: 'Sister', client: 'Adil Akhtar', dateOfBirth: '1991-02-03', phone: '0113 496 0150',
      postcode: 'BD8 7PL', region: 'yorkshire_and_the_humber', contactTimes: 'After 6pm', voicemail: false, sayWhoWeAre: false, mentioned: [],
      healthConsent: 'on_later_call', openedBy: 'adviser', openedHoursAgo: 3 * DAY, laterHoursAgo: 26, stage: 'enquiry',
      openingNote: 'Sister calling about her brother; he had not agreed to us recording his health details, so nothing taken down about his use yet.',
      nextAction: { what: 'Evening call with Adil to start the assessment', due: { days: 1, hour: 19 } },
      notes: [{ body: 'Adil came to the phone and agreed to us recording his health details. Wants to talk when his parents are out.', onLaterCall: true }],
    },
    {
      caller: 'Wayne Tomlinson', relation: 'self', dateOfBirth: '1974-11-08', phone: '0116 496 0150', postcode: 'NG18 2AB', region: 'east_midlands',
      voicemail: true, sayWhoWeAre: true, mentioned: ['alcohol'], healthConsent: 'on_first_call', openedBy: 'adviser', openedHoursAgo: 0.4, stage: 'enquiry',
      openingNote: 'Just off the phone: his GP gave him our number after a liver test. Still talking it over with his wife.',
    },
    {
      caller: 'Kwame Mensah', relation: 'self', dateOfBirth: '1983-05-19', phone: '020 7946 0150', postcode: 'SE5 8RS', region: 'london', contactTimes: 'Mornings',
      voicemail: true, sayWhoWeAre: false, mentioned: ['crack_cocaine', 'alcohol'], healthConsent: 'on_first_call', openedBy: 'adviser', assignTo: null,
      openedHoursAgo: 8, stage: 'enquiry',
      openingNote: 'Called from a friend’s phone; his own was cut off. Wants to stop before he loses his tenancy.',
      nextAction: { what: 'Ring the friend’s number and ask for Kwame; do not say who we are', due: { minutes: 200 } },
    },
    {
      caller: 'Poppy Hargreaves', relation: 'self', dateOfBirth: '1998-01-27', phone: '0118 496 0150', email: 'poppy.hargreaves@example.org', postcode: 'GU1 4RB',
      region: 'south_east', voicemail: true, sayWhoWeAre: true, mentioned: ['prescription_medicines', 'benzodiazepines'], healthConsent: 'on_first_call',
      openedBy: 'lead', openedHoursAgo: 50, stage: 'enquiry',
      openingNote: 'Pregabalin and diazepam from a friend, on top of her own prescription. Asked for a call when she is not at work.',
      nextAction: { what: 'Call Poppy after her shift for the assessment', due: { minutes: -3 * HOUR } },
    },
    {
      caller: 'Tamsin Trevithick', relation: 'loved_one', relationDetail: 'Daughter', client: 'Roger Trevithick', dateOfBirth: '1958-07-14', phone: '0117 496 0150',
      email: 'tamsin.t@example.com', postcode: 'TR1 2QA', region: 'south_west', contactTimes: 'Weekday mornings', voicemail: true, sayWhoWeAre: true,
      mentioned: ['alcohol'], healthConsent: 'on_first_call', openedBy: 'adviser', openedHoursAgo: 4, stage: 'enquiry',
      openingNote: 'Daughter calling with her dad beside her; he agreed to her speaking for him. Drinking more since her mum died last year.',
      nextAction: { what: 'Morning call with Roger and Tamsin to go through the assessment', due: { days: 1, hour: 10 } },
    },
    {
      caller: 'Owain Griffiths', relation: 'self', dateOfBirth: '1990-10-02', phone: '029 2018 0150', postcode: 'LL57 2EW', region: 'wales', contactTimes: 'Evenings',
      voicemail: true, sayWhoWeAre: true, mentioned: ['cocaine'], healthConsent: 'on_first_call', openedBy: 'adviser', assignTo: null,
      openedHoursAgo: 3 * DAY, laterHoursAgo: 30, stage: 'enquiry',
      openingNote: 'Works away on a wind farm; rang on his day off. Asked about treatment he could fit around a two-weeks-on rota.',
      nextAction: { what: 'Try Owain again one evening this week', due: { minutes: -20 * HOUR } },
      notes: [{ body: 'No answer; left a voicemail as agreed. He is back on shift, so evenings only.', onLaterCall: true }],
    },

    // ---- Assessment ----
    {
      caller: 'Kyle Ashworth', relation: 'self', dateOfBirth: '2000-12-09', phone: '0191 498 0151', postcode: 'TS1 4AG', region: 'north_east', contactTimes: 'Any time',
      voicemail: true, sayWhoWeAre: true, mentioned: ['cocaine', 'alcohol'], healthConsent: 'on_first_call', openedBy: 'adviser', openedHoursAgo: 40, stage: 'assessment',
      openingNote: 'Lives with his mum in Middlesbrough; says she may ring us too.',
      assessment: assessed(
        [
          { substance: 'cocaine', isPrimary: true, route: 'snorted', frequency: 'several_times_a_week', amount: 'Two grams a night, Thursday to Sunday', yearsOfUse: 5, lastUse: dayOf(40) },
          { substance: 'alcohol', isPrimary: false, route: 'oral', frequency: 'several_times_a_week', amount: 'Ten or twelve pints with it', yearsOfUse: 7, lastUse: dayOf(40) },
        ],
        criteriaOf(['larger_amounts', 'cutting_down', 'craving', 'obligations', 'relationships', 'hazardous_use']),
        { audit: auditOf(3, 4, 4, 3, 2, 0, 3, 2, 2, 2) },
      ),
      finances: { fundingRoute: 'family', budgetMaxPence: 1_200_000, whoPays: 'His mum and his grandad' },
      nextAction: { what: 'Send Kyle two residential options within a bus ride of home', due: { minutes: 120 } },
    },
    {
      caller: 'Ruth Okafor', relation: 'professional', relationDetail: 'GP', client: 'Terence Marsh', dateOfBirth: '1963-09-25', phone: '0161 496 0151',
      email: 'ruth.okafor@example.org', postcode: 'BL1 4QR', region: 'north_west', contactTimes: 'Practice hours; Terence any time', voicemail: true, sayWhoWeAre: true,
      mentioned: ['alcohol'], healthConsent: 'on_first_call', openedBy: 'lead', openedHoursAgo: 10 * DAY, laterHoursAgo: 8 * DAY, stage: 'assessment',
      openingNote: 'GP referral from a Bolton practice; Terence was in the consulting room and agreed to us recording his health details.',
      assessment: assessed(
        [{ substance: 'alcohol', isPrimary: true, route: 'oral', frequency: 'daily', amount: 'Three litres of strong cider a day', yearsOfUse: 25, lastUse: dayOf(10 * DAY) }],
        criteriaOf(first(9)),
        {
          audit: auditOf(4, 4, 4, 4, 3, 4, 3, 2, 4, 4),
          conditions: [{ condition: 'depression', status: 'diagnosed', isCurrentlyTreated: true }],
          risk: { ...noRisks, riskyWithdrawal: true },
          previousTreatments: [{ where: 'Community detox with the Bolton alcohol service', year: 2022, howItEnded: 'left_early' }],
        },
      ),
      finances: { fundingRoute: 'nhs_or_local_authority', notes: 'Funding panel application sent eight days ago; decided at the monthly panel.' },
      nextAction: { what: 'Chase the local authority panel for its decision', due: { minutes: -26 * HOUR } },
      notes: [{ body: 'Liver tests poor: the GP wants a medically managed detox, not another community one.', pinned: true, onLaterCall: true }],
    },
    {
      caller: 'Gemma Hirst', relation: 'self', dateOfBirth: '1987-03-11', phone: '0114 496 0150', email: 'gemma.hirst@example.com', postcode: 'S6 3BA',
      region: 'yorkshire_and_the_humber', voicemail: true, sayWhoWeAre: true, mentioned: ['benzodiazepines', 'alcohol'], healthConsent: 'on_first_call',
      openedBy: 'adviser', assignTo: 'lead', openedHoursAgo: 5, stage: 'assessment',
      openingNote: 'Nurse on nights; frightened for her registration. Asked to speak to someone senior.',
      assessment: assessed(
        [
          { substance: 'benzodiazepines', isPrimary: true, route: 'oral', frequency: 'daily', amount: 'Diazepam bought online, 20 to 30 mg after night shifts' },
          { substance: 'alcohol', isPrimary: false, route: 'oral', frequency: 'several_times_a_week' },
        ],
        criteriaOf(['larger_amounts', 'cutting_down', 'tolerance', 'withdrawal'], ['time_spent', 'craving', 'obligations', 'relationships', 'activities_given_up']),
        { audit: auditOf(3, 2, 1), conditions: [{ condition: 'anxiety', status: 'diagnosed', isCurrentlyTreated: false }], risk: { ...noRisks, riskyWithdrawal: true } },
      ),
      notes: [{ body: 'Passed to Tom as she asked for a team lead. Anything in writing goes to her personal email, never work.', pinned: true }],
    },
    {
      caller: 'Harjit Sandhu', relation: 'self', dateOfBirth: '1971-01-30', phone: '0116 496 0151', email: 'harjit.sandhu@example.com', postcode: 'DE23 6WA',
      region: 'east_midlands', contactTimes: 'Before 8am or after 7pm', voicemail: true, sayWhoWeAre: false, mentioned: ['alcohol'], healthConsent: 'on_first_call',
      openedBy: 'adviser', openedHoursAgo: 4 * DAY, laterHoursAgo: 2 * DAY, stage: 'assessment',
      assessment: assessed(
        [{ substance: 'alcohol', isPrimary: true, route: 'oral', frequency: 'daily', amount: 'A bottle of wine and some gin most nights', yearsOfUse: 15, lastUse: dayOf(4 * DAY) }],
        criteriaOf(first(7)),
        { audit: auditOf(4, 3, 4, 3, 2, 3, 3, 2, 0, 4), risk: { ...noRisks, riskyWithdrawal: true } },
      ),
      finances: {
        fundingRoute: 'private_medical_insurance', insurer: 'Meridian Health Insurance', policyNumber: 'MHI-3310-0452-17', budgetMaxPence: 1_000_000,
        notes: 'Insurer covers a ten-day detox; anything longer he pays himself.',
      },
      placement: { clinic: 'Derwent Clinic', programme: 'medically_managed_detox', lengthDays: 10, weeklyPounds: 5_200, proposedDaysAgo: 1 },
      nextAction: { what: 'Send the insurer’s pre-authorisation to Derwent Clinic', due: { days: 1, hour: 12 } },
      notes: [{ body: 'Runs his own pharmacy and nobody there knows. Never ring the shop.', pinned: true }],
    },
    {
      caller: 'Leanne Pearce', relation: 'loved_one', relationDetail: 'Wife', client: 'Darren Pearce', dateOfBirth: '1985-08-12', phone: '0121 496 0150',
      postcode: 'DY1 2HU', region: 'west_midlands', contactTimes: 'School hours', voicemail: false, sayWhoWeAre: false, mentioned: ['heroin', 'crack_cocaine'],
      healthConsent: 'on_first_call', openedBy: 'adviser', assignTo: null, openedHoursAgo: 8 * DAY, laterHoursAgo: 6 * DAY, stage: 'assessment',
      openingNote: 'Wife calling; Darren was on speaker and agreed to her speaking for him.',
      assessment: assessed(
        [
          { substance: 'heroin', isPrimary: true, route: 'injected', frequency: 'daily', amount: 'About £30 a day', yearsOfUse: 11, lastUse: dayOf(8 * DAY) },
          { substance: 'crack_cocaine', isPrimary: false, route: 'smoked', frequency: 'weekly', yearsOfUse: 6, lastUse: dayOf(9 * DAY) },
        ],
        criteriaOf(first(10)),
        {
          risk: { ...noRisks, injecting: true, childrenOrVulnerableAdultsAtHome: true },
          previousTreatments: [{ where: 'Methadone script with the Dudley recovery service', year: 2021, howItEnded: 'discharged' }],
        },
      ),
      finances: { fundingRoute: 'nhs_or_local_authority', notes: 'Needs a new referral to the local drug service before any funding request.' },
      nextAction: { what: 'Check Darren has booked his assessment at the local drug service', due: { minutes: -3 * DAY * HOUR } },
      notes: [{ body: 'Two children at home, 3 and 9. Needle exchange and naloxone talked through; safeguarding noted.', pinned: true }],
    },
    {
      caller: 'Marcus Reeve', relation: 'self', dateOfBirth: '1989-07-01', phone: '01223 496150', email: 'marcus.reeve@example.com', postcode: 'CM1 1HT',
      region: 'east_of_england', contactTimes: 'Lunchtimes', voicemail: true, sayWhoWeAre: false, mentioned: ['cocaine', 'ketamine'], healthConsent: 'on_first_call',
      openedBy: 'adviser', openedHoursAgo: 3 * DAY, laterHoursAgo: 45, stage: 'assessment',
      assessment: assessed(
        [
          { substance: 'cocaine', isPrimary: true, route: 'snorted', frequency: 'several_times_a_week', amount: 'A gram or two after work', yearsOfUse: 4, lastUse: dayOf(3 * DAY) },
          { substance: 'ketamine', isPrimary: false, route: 'snorted', frequency: 'weekly', yearsOfUse: 2, lastUse: dayOf(4 * DAY) },
        ],
        criteriaOf(['larger_amounts', 'cutting_down', 'craving', 'obligations', 'tolerance']),
        { conditions: [{ condition: 'adhd', status: 'suspected', isCurrentlyTreated: false }] },
      ),
      finances: { fundingRoute: 'employer', budgetMaxPence: 800_000, whoPays: 'His employer’s assistance programme', notes: 'Will fund a day programme first.' },
      nextAction: { what: 'Send day-programme options near Chelmsford to Marcus', due: { days: 3, hour: 13 } },
      notes: [{ body: 'Missed Mondays at work after weekends; his manager pointed him to the assistance programme.', onLaterCall: true }],
    },
    {
      caller: 'Ana Ferreira', relation: 'self', dateOfBirth: '1993-09-14', phone: '020 7946 0151', email: 'ana.ferreira@example.org', postcode: 'SW9 8LF',
      region: 'london', contactTimes: 'After 4pm', voicemail: true, sayWhoWeAre: true, mentioned: ['alcohol', 'cocaine'], healthConsent: 'on_first_call',
      openedBy: 'adviser', openedHoursAgo: 6 * DAY, stage: 'assessment',
      assessment: assessed(
        [
          { substance: 'alcohol', isPrimary: true, route: 'oral', frequency: 'several_times_a_week', amount: 'A bottle of wine most evenings', yearsOfUse: 8, lastUse: dayOf(6 * DAY) },
          { substance: 'cocaine', isPrimary: false, route: 'snorted', frequency: 'weekly', yearsOfUse: 3, lastUse: dayOf(8 * DAY) },
        ],
        criteriaOf(['larger_amounts', 'cutting_down', 'craving', 'relationships', 'hazardous_use']),
        { audit: auditOf(3, 3, 3, 2, 1, 0, 2, 2, 0, 2), conditions: [{ condition: 'eating_disorder', status: 'diagnosed', isCurrentlyTreated: true }] },
      ),
      finances: { fundingRoute: 'self_funded', budgetMaxPence: 1_000_000, whoPays: 'Ana' },
      placement: { clinic: 'Islington Recovery Centre', programme: 'intensive_outpatient', lengthDays: 42, weeklyPounds: 1_600, proposedDaysAgo: 3, confirmedDaysAgo: 2 },
      nextAction: { what: 'Check Ana has her start date and timetable from Islington', due: { days: 3, hour: 16 } },
      notes: [{ body: 'Bulimia, treated by her eating disorder team; they back a day programme so she can stay with them.', pinned: true }],
    },
    {
      caller: 'Ian McAllister', relation: 'self', dateOfBirth: '1966-06-30', phone: '0118 496 0151', postcode: 'ME14 1LS', region: 'south_east', contactTimes: 'Any time',
      voicemail: true, sayWhoWeAre: true, mentioned: ['alcohol'], healthConsent: 'on_first_call', openedBy: 'adviser', assignTo: 'lead', openedHoursAgo: 26, stage: 'assessment',
      openingNote: 'His consultant has told him he has cirrhosis. Very frightened; his wife was on the call too.',
      assessment: assessed(
        [{ substance: 'alcohol', isPrimary: true, route: 'oral', frequency: 'daily', amount: 'Eight to ten cans of lager a day', yearsOfUse: 30, lastUse: dayOf(26) }],
        criteriaOf(first(9)),
        {
          audit: auditOf(4, 4, 4, 4, 3, 4, 3, 3, 4, 4),
          risk: { ...noRisks, riskyWithdrawal: true, suicidalThoughts: 'passive' },
          previousTreatments: [{ where: 'Hospital detox, Maidstone', year: 2023, howItEnded: 'completed' }],
        },
      ),
      finances: { fundingRoute: 'undecided', notes: 'Might remortgage; talking it over with his wife.' },
      nextAction: { what: 'Team lead to call Ian about a hospital-linked detox', due: { minutes: -90 } },
      notes: [{ body: 'Some thoughts of not wanting to wake up, no plan. Gave Samaritans 116 123; his wife is with him.', pinned: true }],
    },
    {
      caller: 'Jodie Penrose', relation: 'self', dateOfBirth: '1996-02-08', phone: '0117 496 0151', postcode: 'BS16 3JL', region: 'south_west',
      contactTimes: 'While the children are at nursery', voicemail: false, sayWhoWeAre: false, mentioned: ['other_opioids'], healthConsent: 'on_first_call',
      openedBy: 'adviser', openedHoursAgo: 2 * DAY, laterHoursAgo: 20, stage: 'assessment',
      assessment: assessed(
        [{ substance: 'other_opioids', isPrimary: true, route: 'oral', frequency: 'daily', amount: 'Tramadol bought online, up to 400 mg a day', yearsOfUse: 2, lastUse: dayOf(2 * DAY) }],
        criteriaOf(['larger_amounts', 'cutting_down', 'time_spent', 'craving', 'tolerance', 'withdrawal']),
        { risk: { ...noRisks, childrenOrVulnerableAdultsAtHome: true, pregnancy: true } },
      ),
      finances: { fundingRoute: 'nhs_or_local_authority', notes: 'Her midwife is referring her to the specialist substance misuse midwife.' },
      nextAction: { what: 'Three-way call with Jodie and her midwife about a supported reduction', due: { minutes: 20 } },
      notes: [{ body: '20 weeks pregnant, two children under four. Must not stop tramadol suddenly; her midwife knows.', pinned: true, onLaterCall: true }],
    },

    // ---- At a clinic (Placement) ----
    {
      caller: 'Liam Dobson', relation: 'self', dateOfBirth: '1992-03-21', phone: '0191 498 0153', postcode: 'SR5 2LT', region: 'north_east', voicemail: true,
      sayWhoWeAre: true, mentioned: ['cocaine', 'alcohol'], healthConsent: 'on_first_call', openedBy: 'lead', openedHoursAgo: 30 * DAY, stage: 'assessment',
      assessment: assessed(
        [
          { substance: 'cocaine', isPrimary: true, route: 'snorted', frequency: 'daily', amount: 'Three to four grams a day', yearsOfUse: 8, lastUse: dayOf(30 * DAY) },
          { substance: 'alcohol', isPrimary: false, route: 'oral', frequency: 'weekly', amount: 'Heavy weekends', yearsOfUse: 12, lastUse: dayOf(31 * DAY) },
        ],
        criteriaOf(first(8)),
        { audit: auditOf(2, 3, 3, 1, 1, 0, 2, 1, 0, 2) },
      ),
      finances: { fundingRoute: 'nhs_or_local_authority', notes: 'Sunderland council funded 28 days through his recovery coordinator.' },
      placement: {
        clinic: 'Wearside Recovery', programme: 'residential_rehab', lengthDays: 28, weeklyPounds: 2_500, proposedDaysAgo: 18, confirmedDaysAgo: 15, admittedDaysAgo: 12,
        plan: { supportGroups: ['cocaine_anonymous'], localServices: 'Sunderland recovery service keyworker after discharge' },
      },
      notes: [{ body: 'Lost his scaffolding job in the summer. Sees his daughter at weekends; being well for her is what he wants.', pinned: true }],
    },
    {
      caller: 'Tariq Mahmood', relation: 'self', dateOfBirth: '1978-04-04', phone: '0121 496 0151', email: 'tariq.mahmood@example.com', postcode: 'B11 1NS',
      region: 'west_midlands', voicemail: true, sayWhoWeAre: true, mentioned: ['alcohol', 'cocaine'], healthConsent: 'on_first_call', openedBy: 'adviser',
      openedHoursAgo: 110 * DAY, stage: 'assessment',
      assessment: assessed(
        [
          { substance: 'alcohol', isPrimary: true, route: 'oral', frequency: 'daily', amount: 'Half a bottle of brandy a day', yearsOfUse: 18, lastUse: dayOf(110 * DAY) },
          { substance: 'cocaine', isPrimary: false, route: 'snorted', frequency: 'weekly', yearsOfUse: 6, lastUse: dayOf(112 * DAY) },
        ],
        criteriaOf(first(9)),
        {
          audit: auditOf(4, 3, 4, 4, 3, 3, 3, 3, 0, 4),
          conditions: [{ condition: 'ptsd', status: 'diagnosed', isCurrentlyTreated: true }],
          risk: { ...noRisks, riskyWithdrawal: true },
        },
      ),
      finances: { fundingRoute: 'self_funded', budgetMaxPence: 5_000_000, whoPays: 'Tariq, from the sale of his business' },
      placement: {
        clinic: 'Edgbaston Court', programme: 'residential_rehab', lengthDays: 84, weeklyPounds: 3_900, proposedDaysAgo: 106, confirmedDaysAgo: 104, admittedDaysAgo: 100,
        plan: { supportGroups: ['alcoholics_anonymous'], therapy: 'Trauma-focused therapy to carry on weekly after discharge' },
      },
      nextAction: { what: 'Ask Edgbaston Court for his new discharge date: his stay was extended after a slip on a home visit', due: { minutes: -2 * DAY * HOUR } },
      notes: [{ body: 'Ex-forces; PTSD treated by the NHS veterans’ mental health service. Wants the clinic to keep that going.', pinned: true }],
    },
    {
      caller: 'Femi Adebayo', relation: 'self', dateOfBirth: '1991-11-11', phone: '020 7946 0152', email: 'femi.adebayo@example.com', postcode: 'E8 3PB', region: 'london',
      voicemail: true, sayWhoWeAre: true, mentioned: ['ghb_gbl', 'mdma'], healthConsent: 'on_first_call', openedBy: 'adviser', openedHoursAgo: 8 * DAY,
      laterHoursAgo: 7 * DAY, stage: 'assessment',
      assessment: assessed(
        [
          { substance: 'ghb_gbl', isPrimary: true, route: 'oral', frequency: 'daily', amount: 'A dose every two hours or so, including at night', yearsOfUse: 2, lastUse: dayOf(8 * DAY) },
          { substance: 'mdma', isPrimary: false, route: 'oral', frequency: 'less_than_weekly', yearsOfUse: 5, lastUse: dayOf(10 * DAY) },
        ],
        criteriaOf(first(8)),
        // Round-the-clock GHB withdrawal is dangerous too, though the rule names only alcohol and benzodiazepines.
        { risk: { ...noRisks, riskyWithdrawal: true } },
      ),
      finances: { fundingRoute: 'family', budgetMaxPence: 1_200_000, whoPays: 'Femi and his partner' },
      placement: { clinic: 'Limehouse Lodge', programme: 'medically_managed_detox', lengthDays: 14, weeklyPounds: 4_500, proposedDaysAgo: 6, confirmedDaysAgo: 5, admittedDaysAgo: 4 },
      nextAction: { what: 'Talk to Limehouse Lodge about a step-down place after the detox', due: { days: 2, hour: 10 } },
      notes: [{ body: 'Told him not to stop GHB on his own before admission: withdrawal can be dangerous.', pinned: true, onLaterCall: true }],
    },

    // ---- Aftercare ----
    {
      caller: 'Lisa Marsden', relation: 'self', dateOfBirth: '1980-10-17', phone: '0116 496 0152', email: 'lisa.marsden@example.org', postcode: 'LN2 5DL',
      region: 'east_midlands', voicemail: true, sayWhoWeAre: true, mentioned: ['alcohol'], healthConsent: 'on_first_call', openedBy: 'adviser',
      openedHoursAgo: 90 * DAY, stage: 'assessment',
      assessment: assessed(
        [{ substance: 'alcohol', isPrimary: true, route: 'oral', frequency: 'daily', amount: 'A litre of vodka a day', yearsOfUse: 9, lastUse: dayOf(90 * DAY) }],
        criteriaOf(first(8)),
        {
          audit: auditOf(4, 4, 4, 3, 3, 3, 2, 2, 2, 4),
          conditions: [{ condition: 'anxiety', status: 'diagnosed', isCurrentlyTreated: true }],
          risk: { ...noRisks, riskyWithdrawal: true },
        },
      ),
      finances: { fundingRoute: 'self_funded', budgetMaxPence: 1_500_000, whoPays: 'Lisa, from her divorce settlement' },
      placement: {
        clinic: 'Sherwood House', programme: 'residential_rehab', lengthDays: 28, weeklyPounds: 3_400, proposedDaysAgo: 84, confirmedDaysAgo: 82, admittedDaysAgo: 78,
        discharged: { daysAgo: 50, outcome: 'completed' },
        plan: { supportGroups: ['smart_recovery', 'alcoholics_anonymous'], localServices: 'Lincoln community alcohol team', therapy: 'Weekly CBT for anxiety through her GP' },
        checkIns: [{ outcome: 'well' }, { outcome: 'well', notes: 'Back at the gym and started a college course. SMART on Wednesdays.' }],
      },
    },
    {
      caller: 'Graham Whitlock', relation: 'self', dateOfBirth: '1959-12-02', phone: '0118 496 0152', email: 'graham.whitlock@example.com', postcode: 'OX2 6QY',
      region: 'south_east', voicemail: true, sayWhoWeAre: true, mentioned: ['prescription_medicines', 'alcohol'], healthConsent: 'on_first_call', openedBy: 'lead',
      openedHoursAgo: 240 * DAY, stage: 'assessment',
      assessment: assessed(
        [
          { substance: 'prescription_medicines', isPrimary: true, route: 'oral', frequency: 'daily', amount: 'Oxycodone since a hip operation, well over the prescribed dose', yearsOfUse: 3, lastUse: dayOf(240 * DAY) },
          { substance: 'alcohol', isPrimary: false, route: 'oral', frequency: 'several_times_a_week', amount: 'Whisky in the evenings', yearsOfUse: 15, lastUse: dayOf(240 * DAY) },
        ],
        criteriaOf(first(7)),
        { audit: auditOf(3, 2, 2, 1, 0, 0, 1, 1, 0, 2) },
      ),
      finances: { fundingRoute: 'private_medical_insurance', insurer: 'Example Health', policyNumber: 'EXH-7781-2046', budgetMaxPence: 2_500_000 },
      placement: {
        clinic: 'Isis Meadow Clinic', programme: 'medically_managed_detox', lengthDays: 28, weeklyPounds: 6_200, proposedDaysAgo: 236, confirmedDaysAgo: 234,
        admittedDaysAgo: 228, discharged: { daysAgo: 200, outcome: 'completed' },
        plan: { supportGroups: ['smart_recovery'], localServices: 'Hospital pain clinic for pain relief without opioids', notes: 'His wife keeps his medicines.' },
        checkIns: [{ outcome: 'well' }, { outcome: 'well' }, { outcome: 'struggling', notes: 'Hip pain worse in the cold; not using. Pain clinic next week.' }, { outcome: 'well' }],
      },
    },
    {
      // Aftercare past its year with the last check-in still to do: stale on the board.
      caller: 'Sharon Cullen', relation: 'self', dateOfBirth: '1968-02-22', phone: '01223 496151', postcode: 'PE1 5DD', region: 'east_of_england', voicemail: true,
      sayWhoWeAre: true, mentioned: ['alcohol'], healthConsent: 'on_first_call', openedBy: 'adviser', assignTo: null, openedHoursAgo: 440 * DAY, stage: 'assessment',
      assessment: assessed(
        [{ substance: 'alcohol', isPrimary: true, route: 'oral', frequency: 'daily', amount: 'Two bottles of wine a day', yearsOfUse: 20, lastUse: dayOf(440 * DAY) }],
        criteriaOf(first(8)),
        { audit: auditOf(4, 4, 4, 3, 3, 2, 3, 2, 0, 4), risk: { ...noRisks, riskyWithdrawal: true } },
      ),
      finances: { fundingRoute: 'family', budgetMaxPence: 1_600_000, whoPays: 'Sharon and her sister' },
      placement: {
        clinic: 'Broadland House', programme: 'residential_rehab', lengthDays: 28, weeklyPounds: 3_600, proposedDaysAgo: 436, confirmedDaysAgo: 435, admittedDaysAgo: 433,
        discharged: { daysAgo: 405, outcome: 'completed' },
        plan: { supportGroups: ['alcoholics_anonymous'], localServices: 'Peterborough community alcohol team', notes: 'Her sister Jean is the one to ring if we cannot reach her.' },
        checkIns: [{ outcome: 'well' }, { outcome: 'well' }, { outcome: 'struggling', notes: 'Lonely since Jean moved away; going to AA twice a week.' }, { outcome: 'well' }],
      },
    },

    // ---- Closed, one for each reason not closed elsewhere ----
    {
      caller: 'Keith Rowe', relation: 'self', dateOfBirth: '1964-08-19', phone: '01392 496150', postcode: 'EX2 4AN', region: 'south_west', voicemail: true, sayWhoWeAre: true,
      mentioned: ['alcohol'], healthConsent: 'on_first_call', openedBy: 'adviser', openedHoursAgo: 432 * DAY, stage: { closedFrom: 'aftercare', reason: 'completed' },
      assessment: assessed(
        [{ substance: 'alcohol', isPrimary: true, route: 'oral', frequency: 'daily', amount: 'Six to eight pints and a few shorts', yearsOfUse: 30, lastUse: dayOf(432 * DAY) }],
        criteriaOf(first(8)),
        { audit: auditOf(4, 4, 4, 3, 3, 3, 2, 3, 2, 4), risk: { ...noRisks, riskyWithdrawal: true } },
      ),
      finances: { fundingRoute: 'nhs_or_local_authority', notes: 'Devon County Council funded six weeks after a community detox.' },
      placement: {
        clinic: 'Exe Estuary Recovery', programme: 'residential_rehab', lengthDays: 42, weeklyPounds: 2_900, proposedDaysAgo: 428, confirmedDaysAgo: 426, admittedDaysAgo: 422,
        discharged: { daysAgo: 380, outcome: 'completed' },
        plan: { supportGroups: ['alcoholics_anonymous'], localServices: 'Exeter recovery service peer mentors', notes: 'Volunteers at a community garden three days a week.' },
        checkIns: [
          { outcome: 'well' },
          { outcome: 'well' },
          { outcome: 'struggling', notes: 'Christmas was hard; rang his sponsor every day and did not drink.' },
          { outcome: 'well', notes: 'A peer mentor himself now.' },
          { outcome: 'well', notes: 'A year sober. Happy for us to close his case; knows he can call again.' },
        ],
      },
    },
    {
      caller: 'Shelley Moran', relation: 'loved_one', relationDetail: 'Mother', client: 'Jason Moran', dateOfBirth: '1997-06-06', phone: '0161 496 0152',
      postcode: 'WN5 9BX', region: 'north_west', voicemail: false, sayWhoWeAre: false, mentioned: ['synthetic_cannabinoids'], healthConsent: 'on_first_call',
      openedBy: 'adviser', openedHoursAgo: 5 * DAY, laterHoursAgo: 4 * DAY,
      stage: { closedFrom: 'assessment', reason: 'not_suitable', words: 'Acutely psychotic: needs the mental health crisis team before any rehab can take him.' },
      openingNote: 'Mother calling; Jason agreed to her speaking for him but would not come to the phone.',
      assessment: assessed(
        [{ substance: 'synthetic_cannabinoids', isPrimary: true, route: 'smoked', frequency: 'daily', amount: 'Spice, several times a day', yearsOfUse: 3, lastUse: dayOf(5 * DAY) }],
        criteriaOf(first(7)),
        { conditions: [{ condition: 'psychosis', status: 'suspected', isCurrentlyTreated: false }], risk: { ...noRisks, harmToOthers: true } },
      ),
      notes: [
        { body: 'Hearing voices and barricading his room. Gave Shelley NHS 111 (option 2 for mental health) and 999 if anyone is in danger.', pinned: true },
        { body: 'Crisis team visited with Shelley there. We can help once he is settled; she has our number.', onLaterCall: true },
      ],
    },
    {
      caller: 'Michael Doherty', relation: 'self', dateOfBirth: '1982-12-19', phone: '0121 496 0152', postcode: 'CV11 4EZ', region: 'west_midlands', voicemail: true,
      sayWhoWeAre: true, mentioned: ['heroin'], healthConsent: 'on_first_call', openedBy: 'adviser', openedHoursAgo: 20 * DAY, laterHoursAgo: 17 * DAY,
      stage: { closedFrom: 'assessment', reason: 'funding_not_available', words: 'Panel refused; staying on his script with the local service and may reapply in April.' },
      assessment: assessed(
        [{ substance: 'heroin', isPrimary: true, route: 'smoked', frequency: 'daily', amount: '£20 to £40 a day', yearsOfUse: 7, lastUse: dayOf(20 * DAY) }],
        criteriaOf(first(8)),
        { previousTreatments: [{ where: 'Methadone script, Nuneaton recovery service', year: 2024, howItEnded: 'ongoing' }] },
      ),
      finances: { fundingRoute: 'nhs_or_local_authority', notes: 'His recovery worker applied to the local authority funding panel.' },
      placement: {
        clinic: 'Spon End Recovery', programme: 'residential_rehab', lengthDays: 28, weeklyPounds: 2_800, proposedDaysAgo: 15,
        cancelled: { daysAgo: 3, reason: 'The local authority panel turned down funding this year.' },
      },
      notes: [{ body: 'Application is in; Spon End Recovery will hold a place if the panel agrees.', onLaterCall: true }],
    },
    {
      caller: 'Gavin Pryce', relation: 'self', dateOfBirth: '1986-05-28', phone: '01223 496152', postcode: 'NR30 2PG', region: 'east_of_england', voicemail: true,
      sayWhoWeAre: true, mentioned: ['heroin', 'other_opioids'], healthConsent: 'on_first_call', openedBy: 'lead', openedHoursAgo: 4 * DAY, laterHoursAgo: 3 * DAY,
      stage: { closedFrom: 'enquiry', reason: 'referred_elsewhere', words: 'Wants a script, not rehab: referred to the local drug and alcohol service.' },
      openingNote: 'Using heroin and buying tramadol; asked how to get on a methadone script.',
      notes: [{ body: 'Rang the local drug and alcohol service with him; first appointment booked for Thursday. He knows he can come back to us.', onLaterCall: true }],
    },
    {
      caller: 'Denise Ashworth', relation: 'loved_one', relationDetail: 'Mother', client: 'Kyle Ashworth', dateOfBirth: '2000-12-09', phone: '0191 498 0152',
      postcode: 'TS1 4AG', region: 'north_east', voicemail: true, sayWhoWeAre: true, mentioned: ['cocaine'], healthConsent: 'on_first_call', openedBy: 'lead',
      openedHoursAgo: 30, stage: { closedFrom: 'enquiry', reason: 'duplicate', words: 'Kyle rang us himself the day before; his own case carries on.' },
      openingNote: 'Mother calling about her son Kyle; he was beside her and agreed to her speaking for him.',
    },
    {
      caller: 'Ieuan Parry', relation: 'self', dateOfBirth: '1988-09-27', phone: '029 2018 0151', postcode: 'NP44 1PL', region: 'wales', voicemail: true, sayWhoWeAre: true,
      mentioned: ['amphetamines', 'cannabis'], healthConsent: 'on_first_call', openedBy: 'adviser', openedHoursAgo: 9 * DAY, laterHoursAgo: 5 * DAY,
      stage: { closedFrom: 'assessment', reason: 'other', words: 'Remanded in custody; the prison’s substance misuse team has our details and he can call again on release.' },
      assessment: assessed(
        [
          { substance: 'amphetamines', isPrimary: true, route: 'snorted', frequency: 'daily', amount: 'Two to three grams of speed a day', yearsOfUse: 10, lastUse: dayOf(9 * DAY) },
          { substance: 'cannabis', isPrimary: false, route: 'smoked', frequency: 'daily', yearsOfUse: 15, lastUse: dayOf(9 * DAY) },
        ],
        criteriaOf(first(7)),
        { conditions: [{ condition: 'personality_disorder', status: 'suspected', isCurrentlyTreated: false }] },
      ),
      notes: [{ body: 'His probation officer rang: he was remanded on Friday. He has our number and can ring from the prison.', onLaterCall: true }],
    },
  ];
}
