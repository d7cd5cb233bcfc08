import type { Role } from '@harbour/shared/roles';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createUser } from '../test/factories';
import { useTestDatabase } from '../test/test-database';
import type { Database } from './database';
import { preparedQuery } from './prepared-query';

const db = useTestDatabase();

const staffByEmailAndRole = preparedQuery((handle: Kysely<Database>, email: string, role: Role) =>
  handle.selectFrom('users').select(['email', 'role']).where('email', '=', email).where('role', '=', role).where('is_active', '=', true),
);

describe('a prepared query', () => {
  it('answers each call with its own arguments, as the built query would', async () => {
    const adviser = await createUser(db(), { role: 'adviser' });
    const lead = await createUser(db(), { role: 'team_lead' });

    expect(await staffByEmailAndRole(db(), adviser.email, 'adviser')).toEqual([{ email: adviser.email, role: 'adviser' }]);
    expect(await staffByEmailAndRole(db(), lead.email, 'team_lead')).toEqual([{ email: lead.email, role: 'team_lead' }]);
    expect(await staffByEmailAndRole(db(), lead.email, 'adviser')).toEqual([]);
  });

  it('refuses an argument that shapes the query instead of filling a parameter', async () => {
    const byEmails = preparedQuery((handle: Kysely<Database>, emails: string[]) => handle.selectFrom('users').select('email').where('email', 'in', emails));

    await expect(byEmails(db(), ['someone@harbour.test'])).rejects.toThrow(/shapes this query/);
  });
});
