import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openCase } from '../../test/cases';
import { callerFor, createUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';

const db = useTestDatabase();

describe('case references past the five-digit mark', () => {
  // A national helpline passes 100,000 cases within a year or two: references grow a digit
  // rather than wrap onto an earlier case's.
  it('numbers the hundred-thousandth case with six digits, and it is found by its reference', async () => {
    const adviser = await createUser(db());
    await sql`select setval('case_reference_seq', 99999, false)`.execute(db());

    const last5 = await openCase(db(), adviser);
    const first6 = await openCase(db(), adviser);

    expect(last5.reference).toMatch(/^H-\d{4}-99999$/);
    expect(first6.reference).toMatch(/^H-\d{4}-100000$/);
    const found = await callerFor(db(), adviser).cases.byReference({ reference: first6.reference.toLowerCase() });
    expect(found.id).toBe(first6.id);
  });
});
