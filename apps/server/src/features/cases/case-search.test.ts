import { describe, expect, it } from 'vitest';
import { auditRows } from '../../test/callbacks';
import { sql } from 'kysely';
import { contactInput, openCase, versionsOf } from '../../test/cases';
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
    ['the name with letters swapped', 'Jonh Smtih', 'first'],
    ['the name with a letter dropped and one doubled', 'Jhn Smiith', 'first'],
    ['the client’s first name and the caller’s surname', 'John Morgan', 'only'],
    ['the start of the surname', 'smi', 'first'],
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

describe('cases.search by name: which cases, in which order', () => {
  const onDay = (day: number) => new Date(`2026-11-2${day}T10:00:00Z`);

  it('puts the word as typed first, then the longer names it starts, then misspellings, the newest case first among equals', async () => {
    const adviser = await createUser(db());
    const open = (name: string, day: number) => openCase(db(), adviser, { clientName: name, callerName: name, forWhom: 'self', phone: `07400 10000${day}` }, onDay(day));
    const annaOlder = await open('Anna Price', 1);
    const ann = await open('Ann Lee', 2);
    const annie = await open('Annie Cole', 3);
    const anaNewest = await open('Ana Bell', 4);

    const found = await callerFor(db(), adviser).cases.search({ query: 'ann' });

    expect(found.map((row) => row.id)).toEqual([ann.id, annie.id, annaOlder.id, anaNewest.id]);
  });

  it('shows ten cases of a name spelt right, newest first, and near spellings only when fewer than ten hold it', async () => {
    const adviser = await createUser(db());
    const open = (name: string, day: number) => openCase(db(), adviser, { clientName: name, callerName: 'Sam Reed', phone: `07400 2000${String(day).padStart(2, '0')}` }, new Date(Date.UTC(2026, 9, day, 10)));
    const jonNewest = await open('Jon Smith', 30);
    const johns = [];
    for (let day = 1; day <= 10; day += 1) johns.push(await open('John Smith', day));
    const search = () => callerFor(db(), adviser).cases.search({ query: 'John Smith' }).then((rows) => rows.map((row) => row.id));

    expect(await search()).toEqual(johns.map((john) => john.id).reverse());

    await db().updateTable('cases').set({ client_name: 'Mary Smith' }).where('id', '=', johns[0]!.id).execute();
    expect(await search()).toEqual([...johns.slice(1).map((john) => john.id).reverse(), jonNewest.id]);
  });

  it('answers several common short starts from the newest cases as scoring every match would', async () => {
    // case_name_search reads the newest cases of the best words first when many cases hold the
    // typed words together ("jo an"), and scores every match otherwise (max_sampled 0 forces
    // that): both must give the same cases in the same order.
    const adviser = await createUser(db());
    let day = 0;
    for (const first of ['John', 'Joan', 'Jonah', 'Joseph']) {
      for (const last of ['Anderson', 'Andrews', 'Ansell', 'Smith']) {
        for (let copy = 0; copy < 3; copy += 1) {
          day += 1;
          await openCase(db(), adviser, { clientName: `${first} ${last}`, callerName: 'Sam Reed', phone: `07400 3000${String(day).padStart(2, '0')}` }, new Date(Date.UTC(2026, 9, 1 + (day % 28), day % 24)));
        }
      }
    }
    await sql`analyze cases`.execute(db());
    const ranked = async (typed: string, maxSampled: number) =>
      (await sql<{ case_id: string; rank: string }>`select case_id, rank from case_name_search(${typed}, 8, 30, 10, ${maxSampled})`.execute(db())).rows.map((row) => `${row.rank}:${row.case_id}`);

    for (const typed of ['jo an', 'john an', 'jo anderson', 'joan smith', 'jos ans', 'jon andrew']) {
      const sampledFirst = await ranked(typed, 500);
      expect(sampledFirst.length, typed).toBeGreaterThan(0);
      expect(sampledFirst, typed).toEqual(await ranked(typed, 0));
    }
  });

  it('finds a case by many rare words among many cases (the sample size is worked out without overflowing)', async () => {
    const adviser = await createUser(db());
    for (let day = 1; day <= 40; day += 1) {
      await openCase(db(), adviser, { clientName: `Sam Reed`, callerName: 'Kim Reed', phone: `07400 4000${String(day).padStart(2, '0')}` });
    }
    const wanted = await openCase(db(), adviser, { clientName: 'Annabel Beatrix Colette Delphine', callerName: 'Evangeline Fay Gillespie', phone: '07400 400099' });
    await sql`analyze cases`.execute(db());

    const found = await callerFor(db(), adviser).cases.search({ query: 'Annabel Beatrix Colette Delphine Evangeline Fay Gillespie' });

    expect(found.map((row) => row.id)).toEqual([wanted.id]);
  });

  it('needs a name for every word typed, each from a different word of the case', async () => {
    const { adviser } = await johnSmithAmongOthers();

    // "john" is one slip from "jon" but not two from "jones": John Smith holds no Jones.
    expect(await callerFor(db(), adviser).cases.search({ query: 'John Jones' })).toEqual([]);
  });

  it('follows a change of name: the old name finds the case no more, the new one does, and a name nobody holds leaves the lexicon', async () => {
    const { adviser, john } = await johnSmithAmongOthers();
    const search = (query: string) => callerFor(db(), adviser).cases.search({ query }).then((rows) => rows.map((row) => row.id));

    await callerFor(db(), adviser).cases.updateContact({
      id: john.id,
      version: (await versionsOf(db(), john.id)).contact,
      contact: contactInput({ clientName: 'Johanna Okafor', callerName: 'Pat Morgan', phone: '07400 123456' }),
    });

    expect(await search('Okafor')).toEqual([john.id]);
    expect(await search('John Smith')).toEqual([]);
    const { rows } = await sql<{ word: string }>`select word from case_name_lexicon order by word`.execute(db());
    expect(rows.map((row) => row.word)).toEqual(['alice', 'bob', 'joan', 'johanna', 'jones', 'morgan', 'okafor', 'pat', 'smart']);
  });
});

