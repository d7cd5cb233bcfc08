import type { Role } from '@harbour/shared/roles';
import type { Kysely } from 'kysely';
import type { Database } from '../database';
import type { StaffActor } from '../../actor';
import { enrolWithKnownKey } from '../../features/mfa/mfa.service';
import { base32Decode } from '../../features/mfa/totp';
import { createStaffMember, hasAnyUser } from '../../features/users/users.service';
import { seedDemoCallbacks } from './demo-callbacks';
import { preparedDemoCases, seedDemoCases } from './demo-cases';
import { preparedDemoClinics, seedDemoClinics } from './demo-clinics';
import { seedDemoHistory } from './demo-history';
import { DEMO_MANAGER_EMAIL, DEMO_MANAGER_TOTP_KEY } from './demo-two-step';

export const DEMO_PASSWORD = 'harbour-demo';

export const demoUsers: ReadonlyArray<{ email: string; fullName: string; role: Role }> = [
  { email: 'adviser@harbour.test', fullName: 'Amira Shah', role: 'adviser' },
  { email: 'lead@harbour.test', fullName: 'Tom Price', role: 'team_lead' },
  { email: 'manager@harbour.test', fullName: 'Grace Owusu', role: 'manager' },
];

/** Fills an empty database with demo staff, callbacks, clinics, cases and placements; does nothing once anyone has an account. */
export async function seedDemoData(db: Kysely<Database>): Promise<{ seeded: boolean }> {
  if (await hasAnyUser(db)) return { seeded: false };
  const now = new Date();
  // Checked before anything is written, so a demo case the app would refuse leaves the database empty.
  const cases = preparedDemoCases(now);
  const clinics = preparedDemoClinics();
  const created: StaffActor[] = [];
  for (const user of demoUsers) {
    const member = await createStaffMember(db, { userId: null, requestId: 'seed' }, { ...user, password: DEMO_PASSWORD });
    created.push({ userId: member.id, role: member.role, requestId: 'seed' });
    if (member.email === DEMO_MANAGER_EMAIL) await enrolWithKnownKey(db, member.id, base32Decode(DEMO_MANAGER_TOTP_KEY));
  }
  const staffWith = (role: Role): StaffActor => {
    const found = created.find((member) => member.role === role);
    if (!found) throw new Error(`The demo staff have no ${role}`);
    return found;
  };
  const [adviser, lead, manager] = [staffWith('adviser'), staffWith('team_lead'), staffWith('manager')];
  await seedDemoCallbacks(db, adviser, now);
  const clinicIds = await seedDemoClinics(db, manager, clinics, now);
  await seedDemoCases(db, { adviser, lead }, clinicIds, cases, now);
  await seedDemoHistory(db, { adviser, lead }, clinicIds, now);
  return { seeded: true };
}

export function demoSignInLines(): string[] {
  return [
    `Demo sign-ins (password "${DEMO_PASSWORD}"):`,
    ...demoUsers.map((user) => `  ${user.email.padEnd(24)} ${user.role}`),
    `The manager also needs a code from two-step sign-in: run "pnpm demo:code" to see it.`,
  ];
}
