import type { Role } from '@harbour/shared/roles';
import type { Kysely } from 'kysely';
import type { Database } from '../database';
import { createStaffMember, hasAnyUser } from '../../features/users/users.service';
import { seedDemoCallbacks } from './demo-callbacks';

export const DEMO_PASSWORD = 'harbour-demo';

export const demoUsers: ReadonlyArray<{ email: string; fullName: string; role: Role }> = [
  { email: 'adviser@harbour.test', fullName: 'Amira Shah', role: 'adviser' },
  { email: 'lead@harbour.test', fullName: 'Tom Price', role: 'team_lead' },
  { email: 'manager@harbour.test', fullName: 'Grace Owusu', role: 'manager' },
];

/** Fills an empty database with demo staff; does nothing once anyone has an account. */
export async function seedDemoData(db: Kysely<Database>): Promise<{ seeded: boolean }> {
  if (await hasAnyUser(db)) return { seeded: false };
  const created = [];
  for (const user of demoUsers) {
    created.push(await createStaffMember(db, { userId: null, requestId: 'seed' }, { ...user, password: DEMO_PASSWORD }));
  }
  const adviser = created.find((user) => user.role === 'adviser');
  if (adviser) await seedDemoCallbacks(db, { userId: adviser.id, role: adviser.role, requestId: 'seed' });
  return { seeded: true };
}

export function demoSignInLines(): string[] {
  return [
    `Demo sign-ins (password "${DEMO_PASSWORD}"):`,
    ...demoUsers.map((user) => `  ${user.email.padEnd(24)} ${user.role}`),
  ];
}
