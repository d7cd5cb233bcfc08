import { describe, expect, it } from 'vitest';
import { auditRows } from '../../test/callbacks';
import { openCase } from '../../test/cases';
import { callerFor, createUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';

const db = useTestDatabase();

/** John Smith's case, rung about by Pat Morgan, among other people's. */
async function johnSmithAmongOthers() {
  const adviser = await createUser(db());
  const john = await openCase(db(), adviser, { clientName: 'John Smith', callerName: 'Pat Morgan', phone: '07400 123456', email: 'Pat.Morgan@Example.org' });
  await openCase(db(), adviser, { clientName: 'Alice Jones', callerName: 'Bob Jones', phone: '020 7946 0000', email: 'bob@example.org' });
  await openCase(db(), adviser, { clientName: 'Joan Smart', callerName: 'Joan Smart', forWhom: 'self', phone: '07911 123456' });
  return { adviser, john };
}

describe('cases.search: the search box', () => {
  // A name finds the closest first, and may find others like it; a phone or email only theirs.
  it.each<[string, string, 'first' | 'only']>([
    ['the name with typos', 'Jon Smyth', 'first'],
    ['the surname with a typo, in lower case', 'smyth', 'first'],
    ['the name in capitals', 'JOHN SMITH', 'first'],
    ['the caller’s name', 'Pat Morgan', 'only'],
    ['the phone number as written', '07400 123456', 'only'],
    ['the phone number in international form', '+447400123456', 'only'],
    ['the phone number without spaces', '07400123456', 'only'],
    ['the email in another case', 'PAT.MORGAN@example.ORG', 'only'],
  ])('finds John Smith’s case by %s', async (_how, query, place) => {
    const { adviser, john } = await johnSmithAmongOthers();

    const found = await callerFor(db(), adviser).cases.search({ query });

    expect(found[0]).toMatchObject({ id: john.id, reference: john.reference, clientName: 'John Smith', stage: 'enquiry' });
    if (place === 'only') expect(found).toHaveLength(1);
  });

  it.each([
    ['in lower case', (reference: string) => reference.toLowerCase()],
    ['without hyphens', (reference: string) => reference.replaceAll('-', '')],
    ['with spaces around', (reference: string) => `  ${reference} `],
  ])('finds a case by its reference typed %s', async (_how, typed) => {
    const { adviser, john } = await johnSmithAmongOthers();

    const found = await callerFor(db(), adviser).cases.search({ query: typed(john.reference) });

    expect(found.map((row) => row.id)).toEqual([john.id]);
  });

  it.each([
    ['a name nobody has', 'Zebedee Quartermaine'],
    ['another phone number', '07400 654321'],
    ['another email', 'someone@example.org'],
    ['a reference not issued', 'H-2020-99999'],
  ])('finds nothing for %s, and records no look-up', async (_what, query) => {
    const { adviser } = await johnSmithAmongOthers();

    expect(await callerFor(db(), adviser).cases.search({ query })).toEqual([]);
    expect(await auditRows(db(), 'cases.looked_up')).toEqual([]);
  });

  it('records who searched and whose cases it showed', async () => {
    const { john } = await johnSmithAmongOthers();
    const colleague = await createUser(db());

    await callerFor(db(), colleague).cases.search({ query: '07400 123456' });

    expect(await auditRows(db(), 'cases.looked_up')).toEqual([{ actorUserId: colleague.id, entityId: null, details: { ids: [john.id] } }]);
  });

  it('asks for two characters or more', async () => {
    const adviser = await createUser(db());

    expect(await rejectionOf(callerFor(db(), adviser).cases.search({ query: ' J ' }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { query: 'Type at least 2 characters to search' },
    });
  });
});
