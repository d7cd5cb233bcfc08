import { describe, expect, it } from 'vitest';
import { countRows, minutesAfter, TUESDAY_10AM } from '../../test/callbacks';
import { assessmentInput, caseRow, contactInput, openCase } from '../../test/cases';
import { callerFor, createUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf, type Rejection } from '../../test/trpc-errors';

const db = useTestDatabase();

type Caller = ReturnType<typeof callerFor>;

const UNKNOWN_ID = '0b9e7d1c-3f4a-4e2b-9c8d-7a6b5c4d3e2f';

const refusals: Array<[string, (caller: Caller, id: string) => Promise<unknown>, Partial<Rejection>]> = [
  [
    'a postcode that is not one',
    (caller, id) => caller.cases.updateContact({ id, version: 1, contact: contactInput({ postcode: 'nonsense' }) }),
    { code: 'BAD_REQUEST', fieldErrors: { 'contact.postcode': 'Enter a UK postcode, like SW1A 1AA' } },
  ],
  [
    'a phone number that is not a UK one, with a good postcode',
    (caller, id) => caller.cases.updateContact({ id, version: 1, contact: contactInput({ postcode: 'M1 1AE', phone: '+1 202 555 0143' }) }),
    { code: 'BAD_REQUEST', fieldErrors: { 'contact.phone': 'Enter a UK phone number, like 07400 123456 or 020 7946 0000' } },
  ],
  [
    'a date of birth in the future',
    (caller, id) => caller.cases.updateContact({ id, version: 1, contact: contactInput({ dateOfBirth: '2999-01-01' }) }),
    { code: 'BAD_REQUEST', fieldErrors: { 'contact.dateOfBirth': 'Date of birth cannot be in the future' } },
  ],
  [
    'two primary substances',
    (caller, id) =>
      caller.cases.updateAssessment(
        assessmentInput(id, 1, {
          substances: [
            { substance: 'heroin', isPrimary: true },
            { substance: 'crack_cocaine', isPrimary: true },
          ],
        }),
      ),
    { code: 'BAD_REQUEST', fieldErrors: { substances: 'Only one substance can be the primary one' } },
  ],
  [
    'a highest budget below the lowest',
    (caller, id) => caller.cases.updateFinances({ id, version: 1, finances: { budgetMinPence: 900_000, budgetMaxPence: 500_000 } }),
    { code: 'BAD_REQUEST', fieldErrors: { 'finances.budgetMaxPence': 'Highest budget must be at least the lowest budget' } },
  ],
  [
    'a next action with nothing to do',
    (caller, id) => caller.cases.setNextAction({ id, version: 1, what: ' ', dueAt: minutesAfter(TUESDAY_10AM, 60) }),
    { code: 'BAD_REQUEST', fieldErrors: { what: 'Enter what should happen next' } },
  ],
  [
    'a next action due yesterday',
    (caller, id) => caller.cases.setNextAction({ id, version: 1, what: 'Ring back', dueAt: minutesAfter(TUESDAY_10AM, -24 * 60) }),
    { code: 'BAD_REQUEST', fieldErrors: { dueAt: 'The next action cannot be due in the past' } },
  ],
  [
    'a move to a stage that does not exist',
    (caller, id) => caller.cases.moveStage({ id, version: 1, to: 'archived' as never }),
    { code: 'BAD_REQUEST', fieldErrors: { to: 'Choose a stage' } },
  ],
  [
    'closing without a reason',
    (caller, id) => caller.cases.moveStage({ id, version: 1, to: 'closed' }),
    { code: 'BAD_REQUEST', fieldErrors: { to: 'Choose why the case is closing' } },
  ],
  [
    'an empty note',
    (caller, id) => caller.cases.addNote({ id, body: '   ' }),
    { code: 'BAD_REQUEST', fieldErrors: { body: 'Write the note before adding it' } },
  ],
  [
    'markup in a note',
    (caller, id) => caller.cases.addNote({ id, body: '<img src=x onerror=alert(1)>' }),
    { code: 'BAD_REQUEST', fieldErrors: { body: 'Note must not contain HTML or other markup' } },
  ],
  [
    'a crisis action of "something else" without words',
    (caller, id) => caller.cases.recordCrisisAction({ id, actions: ['other'] }),
    { code: 'BAD_REQUEST', fieldErrors: { details: 'Describe what was done' } },
  ],
  ['a change to a case that does not exist', (caller) => caller.cases.setNextAction({ id: UNKNOWN_ID, version: 1, what: 'Ring back', dueAt: minutesAfter(TUESDAY_10AM, 60) }), { code: 'NOT_FOUND', message: 'That case does not exist' }],
  ['a note on a case that does not exist', (caller) => caller.cases.addNote({ id: UNKNOWN_ID, body: 'Hello' }), { code: 'NOT_FOUND', message: 'That case does not exist' }],
  ['a crisis on a case that does not exist', (caller) => caller.cases.raiseCrisis({ id: UNKNOWN_ID }), { code: 'NOT_FOUND', message: 'That case does not exist' }],
  ['the timeline of a case that does not exist', (caller) => caller.cases.timeline({ id: UNKNOWN_ID }), { code: 'NOT_FOUND', message: 'That case does not exist' }],
];

describe('a change that cannot be made is refused, saying why, and nothing is stored', () => {
  it.each(refusals)('%s', async (_what, attempt, expected) => {
    const adviser = await createUser(db());
    const { id } = await openCase(db(), adviser);
    const before = await caseRow(db(), id);
    const counts = async () => Promise.all([countRows(db(), 'audit_events'), countRows(db(), 'case_events'), countRows(db(), 'case_notes'), countRows(db(), 'case_crises')]);
    const countsBefore = await counts();

    const rejection = await rejectionOf(attempt(callerFor(db(), adviser, { now: TUESDAY_10AM }), id));

    expect(rejection).toMatchObject(expected);
    expect(await caseRow(db(), id)).toEqual(before);
    expect(await counts()).toEqual(countsBefore);
  });
});
