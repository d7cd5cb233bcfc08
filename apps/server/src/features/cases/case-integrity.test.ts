import type { Updateable } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { CasesTable } from '../../db/database';
import { caseRow, openCase } from '../../test/cases';
import { callerFor, createUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';

const db = useTestDatabase();

// What the services never write, the database refuses too, whoever writes it.
describe('the cases table holds its own integrity', () => {
  it.each<[string, Partial<{ consentToHealthData: boolean }>, Updateable<CasesTable>]>([
    ['a closure reason not on the list', {}, { stage: 'closed', closure_reason: 'bored' as never }],
    ['an assessment without consent to health information', { consentToHealthData: false }, { assessment: JSON.stringify({ substances: [] }) }],
    ['a lowest budget above the highest', {}, { budget_min_pence: 900_000, budget_max_pence: 500_000 }],
    ['a risk level not on the list', {}, { risk_level: 'extreme' as never }],
    ['a region not on the list', {}, { region: 'scotland' as never }],
    ['a postcode longer than any', {}, { postcode: 'SW1A 1AAA' }],
  ])('refuses %s', async (_what, opening, set) => {
    const adviser = await createUser(db());
    const { id } = await openCase(db(), adviser, opening);
    const before = await caseRow(db(), id);

    await expect(db().updateTable('cases').set(set).where('id', '=', id).execute()).rejects.toMatchObject({ code: '23514' });
    expect(await caseRow(db(), id)).toEqual(before);
  });

  it('keeps one open crisis per case', async () => {
    const adviser = await createUser(db());
    const { id } = await openCase(db(), adviser);
    await callerFor(db(), adviser).cases.raiseCrisis({ id });

    const second = db().insertInto('case_crises').values({ case_id: id, raised_by: adviser.id, raised_at: new Date() }).execute();

    await expect(second).rejects.toMatchObject({ code: '23505' });
  });
});
