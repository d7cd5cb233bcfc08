import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ageOn,
  caseListSchema,
  caseSearchSchema,
  contactDetailsSchema,
  recordCrisisActionSchema,
  updateContactSchema,
  type ContactDetailsInput,
  type RecordCrisisActionInput,
} from './case-record';
import { errorsOf } from './test-errors';

const CASE_ID = '0b9e7d1c-3f4a-4e2b-9c8d-7a6b5c4d3e2f';

const contact: ContactDetailsInput = { callerName: 'Pat Morgan', callerRelation: 'loved_one', phone: '07400 123456' };

// London is on BST in July: 23:30 UTC on 15 July is already 16 July there.
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-07-15T23:30:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('contactDetailsSchema', () => {
  it.each([
    ['sw1a1aa', 'SW1A 1AA'],
    ['  sw1a   1aa ', 'SW1A 1AA'],
    ['m11ae', 'M1 1AE'],
    ['B33 8TH', 'B33 8TH'],
    ['cr26xh', 'CR2 6XH'],
    ['DN551PT', 'DN55 1PT'],
    ['ec1a 1bb', 'EC1A 1BB'],
  ])('writes the postcode %s as %s', (typed, stored) => {
    expect(contactDetailsSchema.parse({ ...contact, postcode: typed }).postcode).toBe(stored);
  });

  it('takes an empty postcode as not given', () => {
    expect(contactDetailsSchema.parse({ ...contact, postcode: '  ' }).postcode).toBeUndefined();
  });

  it.each([
    ['07400 123456', '+447400123456'],
    ['07400123456', '+447400123456'],
    ['+44 7400 123456', '+447400123456'],
    ['0044 7400 123 456', '+447400123456'],
    ['+44 (0)20 7946 0000', '+442079460000'],
    ['(020) 7946 0000', '+442079460000'],
  ])('stores the phone number %s as %s', (typed, e164) => {
    expect(contactDetailsSchema.parse({ ...contact, phone: typed }).phone).toBe(e164);
  });

  it('keeps what was given, the email in lower case, and unanswered questions as absent', () => {
    expect(
      contactDetailsSchema.parse({
        ...contact,
        clientName: ' Chris Morgan ',
        email: ' Pat.Morgan@Example.ORG ',
        dateOfBirth: '1990-05-17',
        region: 'north_west',
        safeToLeaveVoicemail: false,
        safeToSayWhoWeAre: null,
      }),
    ).toEqual({
      clientName: 'Chris Morgan',
      callerName: 'Pat Morgan',
      callerRelation: 'loved_one',
      phone: '+447400123456',
      email: 'pat.morgan@example.org',
      dateOfBirth: '1990-05-17',
      region: 'north_west',
      safeToLeaveVoicemail: false,
      safeToSayWhoWeAre: undefined,
    });
  });

  it.each([
    ['born today in London', '2026-07-16', '2026-07-16'],
    ['born on the first day allowed', '1910-01-01', '1910-01-01'],
    ['typed the UK way', '17/05/1990', '1990-05-17'],
  ])('accepts a date of birth %s', (_what, typed, stored) => {
    expect(contactDetailsSchema.parse({ ...contact, dateOfBirth: typed }).dateOfBirth).toBe(stored);
  });

  it.each<[string, Partial<Record<keyof ContactDetailsInput, unknown>>, string, string]>([
    ['a postcode that is not one', { postcode: 'nonsense' }, 'postcode', 'Enter a UK postcode, like SW1A 1AA'],
    ['a postcode missing its last letter', { postcode: 'SW1A 1A' }, 'postcode', 'Enter a UK postcode, like SW1A 1AA'],
    ['a postcode of digits', { postcode: '12345' }, 'postcode', 'Enter a UK postcode, like SW1A 1AA'],
    ['a date of birth tomorrow in London', { dateOfBirth: '2026-07-17' }, 'dateOfBirth', 'Date of birth cannot be in the future'],
    ['a date of birth before 1910', { dateOfBirth: '1909-12-31' }, 'dateOfBirth', 'Date of birth must be after 1910'],
    ['a date of birth that does not exist', { dateOfBirth: '2001-02-29' }, 'dateOfBirth', 'Enter a real date of birth as day/month/year, like 17/05/1990'],
    ['31 February, typed the UK way', { dateOfBirth: '31/02/1990' }, 'dateOfBirth', 'Enter a real date of birth as day/month/year, like 17/05/1990'],
    ['a phone number that is not a UK one', { phone: '+1 202 555 0143' }, 'phone', 'Enter a UK phone number, like 07400 123456 or 020 7946 0000'],
    ['no phone number', { phone: ' ' }, 'phone', 'Enter a phone number'],
    ['an email without a domain', { email: 'pat@' }, 'email', 'Enter an email address like name@example.org, or leave it empty'],
    ['no caller name', { callerName: '  ' }, 'callerName', "Enter the caller's name"],
    ['markup in the caller name', { callerName: '<b>Pat</b>' }, 'callerName', 'Caller name must not contain HTML or other markup'],
    ['markup in the client name', { clientName: '<img src=x onerror=alert(1)>' }, 'clientName', 'Client name must not contain HTML or other markup'],
    ['markup in the contact times', { preferredContactTimes: 'After 6 <script>' }, 'preferredContactTimes', 'Preferred contact times must not contain HTML or other markup'],
    ['a relation of 81 characters', { relationDetail: 'a'.repeat(81) }, 'relationDetail', 'Relation to the client must be at most 80 characters'],
    ['a relation not on the list', { callerRelation: 'neighbour' }, 'callerRelation', 'Choose who the caller is to the client'],
    ['a region not on the list', { region: 'scotland' }, 'region', 'Choose a region from the list'],
    ['a voicemail answer of "yes"', { safeToLeaveVoicemail: 'yes' }, 'safeToLeaveVoicemail', 'Answer whether a voicemail is safe'],
  ])('refuses %s, naming the field', (_what, change, field, message) => {
    expect(errorsOf(contactDetailsSchema.safeParse({ ...contact, ...change }))).toEqual({ [field]: message });
  });

  it('names a field inside the case update as contact.<field>', () => {
    expect(errorsOf(updateContactSchema.safeParse({ id: CASE_ID, version: 2, contact: { ...contact, postcode: 'nonsense' } }))).toEqual({
      'contact.postcode': 'Enter a UK postcode, like SW1A 1AA',
    });
  });
});

describe('ageOn: whole years on a London calendar day', () => {
  it.each([
    ['the day before the birthday', '1990-05-17', '2026-05-16', 35],
    ['on the birthday', '1990-05-17', '2026-05-17', 36],
    ['the day after the birthday', '1990-05-17', '2026-05-18', 36],
    ['born on New Year’s Eve, on New Year’s Day', '1990-12-31', '2027-01-01', 36],
    ['born on 29 February, on 28 February of a common year', '2000-02-29', '2026-02-28', 25],
    ['born on 29 February, on 1 March of a common year', '2000-02-29', '2026-03-01', 26],
    ['born on 29 February, on 29 February', '2000-02-29', '2028-02-29', 28],
    ['born today', '2026-07-16', '2026-07-16', 0],
  ])('%s', (_what, dateOfBirth, today, age) => {
    expect(ageOn(dateOfBirth, today)).toBe(age);
  });

  it('counts from today in London when no day is given', () => {
    expect(ageOn('1990-07-16')).toBe(36);
    expect(ageOn('1990-07-17')).toBe(35);
  });
});

describe('recordCrisisActionSchema', () => {
  const action = (change: Partial<RecordCrisisActionInput>) => recordCrisisActionSchema.safeParse({ id: CASE_ID, actions: ['called_999'], ...change });

  it.each<[string, Partial<RecordCrisisActionInput>, Record<string, string>]>([
    ['one action from the list', { actions: ['nhs_111'] }, {}],
    ['several actions', { actions: ['stayed_on_line', 'called_999', 'safety_plan'] }, {}],
    ['"something else", described', { actions: ['other'], details: 'Drove him to A&E' }, {}],
    ['"something else", undescribed', { actions: ['other'] }, { details: 'Describe what was done' }],
    ['"something else", described only in spaces', { actions: ['samaritans', 'other'], details: '   ' }, { details: 'Describe what was done' }],
    ['no action ticked', { actions: [] }, { actions: 'Tick at least one action taken' }],
    ['markup in the details', { details: '<script>x</script>' }, { details: 'What happened must not contain HTML or other markup' }],
    ['details of 2,001 characters', { details: 'a'.repeat(2001) }, { details: 'What happened must be at most 2,000 characters' }],
  ])('%s', (_what, change, errors) => {
    expect(errorsOf(action(change))).toEqual(errors);
  });
});

describe('caseSearchSchema', () => {
  it.each<[string, string, Record<string, string>]>([
    ['two characters', 'Jo', {}],
    ['one character once trimmed', '  J  ', { query: 'Type at least 2 characters to search' }],
    ['nothing', '', { query: 'Type at least 2 characters to search' }],
    ['121 characters', 'a'.repeat(121), { query: 'Search for at most 120 characters' }],
    ['a NUL character', 'Jo\u0000n', { query: 'Search must not contain control characters' }],
  ])('%s', (_what, query, errors) => {
    expect(errorsOf(caseSearchSchema.safeParse({ query }))).toEqual(errors);
  });

  it('searches for what was typed, trimmed', () => {
    expect(caseSearchSchema.parse({ query: '  Jon Smyth ' })).toEqual({ query: 'Jon Smyth' });
  });
});

describe('caseListSchema', () => {
  it('lists all cases, most recently updated first, from page 1, when nothing is chosen', () => {
    expect(caseListSchema.parse({})).toEqual({ scope: 'all', sort: 'recently_updated', page: 1 });
  });

  it('takes an adviser id or "unassigned" as the adviser filter', () => {
    expect(caseListSchema.parse({ adviserId: 'unassigned' }).adviserId).toBe('unassigned');
    expect(caseListSchema.parse({ adviserId: CASE_ID }).adviserId).toBe(CASE_ID);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['an adviser that is neither an id nor "unassigned"', { adviserId: 'nobody' }, 'adviserId', 'Choose an adviser'],
    ['a stage not in the pipeline', { stage: 'archived' }, 'stage', 'Choose a stage from the list'],
    ['a risk level not on the list', { risk: 'extreme' }, 'risk', 'Choose a risk level from the list'],
  ])('refuses %s', (_what, input, field, message) => {
    expect(errorsOf(caseListSchema.safeParse(input))).toEqual({ [field]: message });
  });

  it.each([0, -1, 1.5, 10_001])('refuses page %s', (page) => {
    expect(Object.keys(errorsOf(caseListSchema.safeParse({ page })))).toEqual(['page']);
  });
});
