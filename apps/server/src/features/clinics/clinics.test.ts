import type { ClinicInput } from '@harbour/shared/clinics';
import { describe, expect, it } from 'vitest';
import { JULY_MORNING } from '../../test/cases';
import { addClinic, assessedCase, clinicInput } from '../../test/clinics';
import { callerFor, createUser, type TestUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';

const db = useTestDatabase();

const editable = async (manager: TestUser, id: string) => {
  const { version, bedsConfirmedByName: _by, bedsConfirmedAt: _at, updatedAt: _updated, isDemo: _demo, id: _id, ...fields } = await callerFor(db(), manager).clinics.byId({ id });
  return { version, fields: { ...fields, email: fields.email ?? undefined } };
};

describe('the clinic directory', () => {
  it('lets a manager add a clinic, normalising what was typed, and anyone on shift read it', async () => {
    const manager = await createUser(db(), { role: 'manager', fullName: 'Maria Lopez' });
    const adviser = await createUser(db());
    const created = await addClinic(db(), manager, { postcode: 'pr12he', phone: '0161 496 0123', programmeLengthsDays: [56, 28] });
    expect(created).toMatchObject({ postcode: 'PR1 2HE', phone: '+441614960123', programmeLengthsDays: [28, 56], bedsConfirmedByName: 'Maria Lopez', isDemo: false });
    await expect(callerFor(db(), adviser).clinics.byId({ id: created.id })).resolves.toMatchObject({ name: created.name });
  });

  it('refuses advisers and team leads who try to add or edit a clinic', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    const clinic = await addClinic(db(), manager);
    for (const role of ['adviser', 'team_lead'] as const) {
      const caller = callerFor(db(), await createUser(db(), { role }));
      expect((await rejectionOf(caller.clinics.create(clinicInput()))).code).toBe('FORBIDDEN');
      expect((await rejectionOf(caller.clinics.update({ id: clinic.id, version: 1, clinic: clinicInput() }))).code).toBe('FORBIDDEN');
    }
  });

  it('filters by region, service and words in the name, town or postcode', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    await addClinic(db(), manager, { name: 'Oakwood Grange', town: 'Preston' });
    await addClinic(db(), manager, { name: 'Afon Las', region: 'wales', regulator: 'hiw', locationId: 'HIW-0042', town: 'Cardiff', postcode: 'CF10 1EP', services: ['outpatient'] });
    await addClinic(db(), manager, { name: 'Harbour 100% Recovery', town: 'Leeds', region: 'yorkshire_and_the_humber' });
    const caller = callerFor(db(), manager);
    const names = async (filters: Parameters<typeof caller.clinics.list>[0]) => (await caller.clinics.list(filters)).map((clinic) => clinic.name);
    expect(await names({ region: 'wales' })).toEqual(['Afon Las']);
    expect(await names({ service: 'outpatient' })).toEqual(['Afon Las']);
    expect(await names({ search: 'prest' })).toEqual(['Oakwood Grange']);
    expect(await names({ search: 'cf10' })).toEqual(['Afon Las']);
    // The wildcard characters are searched for, not used as wildcards.
    expect(await names({ search: '100%' })).toEqual(['Harbour 100% Recovery']);
    expect(await names({ search: '_' })).toEqual([]);
  });

  it('names the field of bad input and stores nothing', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    const caller = callerFor(db(), manager);
    const cases = [
      [{ region: 'wales' as const }, 'regulator', 'A clinic in Wales is regulated by HIW'],
      [{ locationId: 'ABC' }, 'locationId', 'Enter the CQC location ID, like 1-101681479'],
      [{ bedsAvailable: 13 }, 'bedsAvailable', 'Beds available cannot be more than beds in total'],
      [{ weeklyPriceMaxPence: 100 }, 'weeklyPriceMaxPence', 'Highest weekly price must be at least the lowest weekly price'],
      [{ services: [] }, 'services', 'Choose at least one service'],
    ] satisfies Array<[Partial<ClinicInput>, string, string]>;
    for (const [change, field, message] of cases) {
      const refused = await rejectionOf(caller.clinics.create(clinicInput(change)));
      expect(refused.fieldErrors?.[field]).toBe(message);
    }
    expect(await db().selectFrom('clinics').select('id').execute()).toEqual([]);
  });

  it('refuses a second clinic with the same location ID, on the field', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    await addClinic(db(), manager, { locationId: '1-555000111' });
    const refused = await rejectionOf(callerFor(db(), manager).clinics.create(clinicInput({ locationId: '1-555000111' })));
    expect(refused).toMatchObject({ code: 'CONFLICT', fieldErrors: { locationId: 'A clinic with this location ID is already in the directory' } });
  });

  it('tells the second of two managers editing at once who changed the clinic', async () => {
    const first = await createUser(db(), { role: 'manager', fullName: 'Maria Lopez' });
    const second = await createUser(db(), { role: 'manager' });
    const clinic = await addClinic(db(), first);
    const { version, fields } = await editable(first, clinic.id);
    await callerFor(db(), first, { now: JULY_MORNING }).clinics.update({ id: clinic.id, version, clinic: { ...fields, rating: 'outstanding' } });
    const refused = await rejectionOf(callerFor(db(), second).clinics.update({ id: clinic.id, version, clinic: { ...fields, bedsTotal: 30 } }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toBe(
      `Maria Lopez changed ${clinic.name} at 14/07/2026 10:05, after you opened it. Reload to see their change; what you typed stays on screen.`,
    );
    expect((await callerFor(db(), second).clinics.byId({ id: clinic.id })).bedsTotal).toBe(12);
  });

  it('audits each edit with the fields that changed', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    const clinic = await addClinic(db(), manager);
    const { version, fields } = await editable(manager, clinic.id);
    await callerFor(db(), manager).clinics.update({ id: clinic.id, version, clinic: { ...fields, rating: 'outstanding', feeTerms: { kind: 'fixed', pence: 100_000 } } });
    const entry = await db().selectFrom('audit_events').select('details').where('action', '=', 'clinics.updated').executeTakeFirstOrThrow();
    expect(entry.details).toEqual({ fields: ['rating', 'fee_terms'] });
  });
});

describe('confirming free beds', () => {
  it('lets anyone on shift confirm, stamping who and when', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    const adviser = await createUser(db(), { fullName: 'Amira Shah' });
    const clinic = await addClinic(db(), manager);
    const confirmed = await callerFor(db(), adviser, { now: JULY_MORNING }).clinics.confirmBeds({ id: clinic.id, available: 0 });
    expect(confirmed).toMatchObject({ bedsAvailable: 0, bedsConfirmedAt: JULY_MORNING, bedsConfirmedByName: 'Amira Shah' });
    const audit = await db().selectFrom('audit_events').select(['details', 'actor_user_id']).where('action', '=', 'clinics.beds_confirmed').executeTakeFirstOrThrow();
    expect(audit).toEqual({ details: { from: 4, to: 0 }, actor_user_id: adviser.id });
  });

  it('makes a manager’s edit opened before the confirmation a conflict, so the old count is not put back', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    const adviser = await createUser(db(), { fullName: 'Amira Shah' });
    const clinic = await addClinic(db(), manager);
    const { version, fields } = await editable(manager, clinic.id);
    await callerFor(db(), adviser, { now: JULY_MORNING }).clinics.confirmBeds({ id: clinic.id, available: 0 });
    const refused = await rejectionOf(callerFor(db(), manager).clinics.update({ id: clinic.id, version, clinic: { ...fields, rating: 'outstanding' } }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('Amira Shah changed');
    expect((await callerFor(db(), manager).clinics.byId({ id: clinic.id })).bedsAvailable).toBe(0);
  });

  it('refuses more free beds than the clinic has, on the field', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    const clinic = await addClinic(db(), manager, { bedsTotal: 12 });
    const refused = await rejectionOf(callerFor(db(), manager).clinics.confirmBeds({ id: clinic.id, available: 13 }));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { available: `${clinic.name} has 12 beds in total: a manager can change that in the directory` } });
  });

  it('gives the same answer for a clinic that does not exist', async () => {
    const adviser = await createUser(db());
    const refused = await rejectionOf(callerFor(db(), adviser).clinics.confirmBeds({ id: '0b7f8c1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b', available: 1 }));
    expect(refused).toMatchObject({ code: 'NOT_FOUND', message: 'That clinic is not in the directory' });
  });
});

describe('matching clinics to a case', () => {
  it('ranks what the case can use, explains every exclusion, and audits the look at the case', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    const adviser = await createUser(db());
    const caseId = await assessedCase(db(), adviser);
    // The case: heroin, North West, self-funded, £20,000 budget.
    await addClinic(db(), manager, { name: 'Near and good', rating: 'good' });
    await addClinic(db(), manager, { name: 'Near and outstanding', rating: 'outstanding' });
    await addClinic(db(), manager, { name: 'Next door', region: 'yorkshire_and_the_humber' });
    await addClinic(db(), manager, { name: 'Alcohol only', substances: ['alcohol'] });
    await addClinic(db(), manager, { name: 'Insurance only', fundingRoutes: ['private_medical_insurance'] });
    await addClinic(db(), manager, { name: 'Closed', isActive: false });
    await addClinic(db(), manager, { name: 'Far away', region: 'london' });

    const result = await callerFor(db(), adviser, { now: JULY_MORNING }).clinics.match({ caseId, travel: 'neighbouring' });
    expect(result.need).toMatchObject({ primarySubstance: 'heroin', fundingRoute: 'self_funded', budgetMaxPence: 2_000_000, region: 'north_west' });
    expect(result.matches.filter((match) => !match.isExcluded).map((match) => match.clinic.name)).toEqual(['Near and outstanding', 'Near and good', 'Next door']);
    const excluded = Object.fromEntries(result.matches.filter((match) => match.isExcluded).map((match) => [match.clinic.name, match.exclusions]));
    expect(excluded).toEqual({
      'Alcohol only': ['Excluded because it does not treat heroin'],
      'Insurance only': ['Excluded because it does not accept self-funded clients'],
      Closed: ['Excluded because it is marked inactive'],
      'Far away': ['Excluded because it is in London, further than the regions next to the North West'],
    });
    const audit = await db().selectFrom('audit_events').select(['entity_id', 'details']).where('action', '=', 'clinics.matched').executeTakeFirstOrThrow();
    expect(audit).toEqual({ entity_id: caseId, details: { travel: 'neighbouring', programme: null, lengthDays: null } });
  });

  it('gives the same answer for a case that does not exist', async () => {
    const adviser = await createUser(db());
    const refused = await rejectionOf(callerFor(db(), adviser).clinics.match({ caseId: '0b7f8c1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b', travel: 'anywhere' }));
    expect(refused).toMatchObject({ code: 'NOT_FOUND' });
  });
});
