import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { addClinic } from './clinics';
import { createUser } from './factories';
import { placedCase } from './placements';

const at = (day: string) => new Date(`${day}T10:00:00Z`);

/**
 * A month of placements to report on, October 2026, with one each side of it:
 *
 * | case | adviser | clinic | proposed   | admitted   | how it stands                  |
 * | A    | Amira   | Oak    | 01/10/2026 | 02/10/2026 | completed 30/10/2026 (28 days) |
 * | B    | Amira   | Oak    | 03/10/2026 | 05/10/2026 | in treatment                   |
 * | C    | Ben     | Cedar  | 10/10/2026 | 12/10/2026 | left early 20/10/2026          |
 * | D    | Ben     | Cedar  | 15/10/2026 |            | cancelled                      |
 * | E    | Amira   | Oak    | 20/09/2026 | 25/09/2026 | in treatment (September)       |
 * | F    | Ben     | Oak    | 28/10/2026 |            | confirmed                      |
 *
 * Oak House (North West) takes 10% of the programme price; Cedar Lodge (Yorkshire) a flat £1,500.
 * Every programme is 28 days at £3,500 a week, £14,000, so Oak's fee is £1,400.
 */
export async function octoberPlacements(db: Kysely<Database>) {
  const manager = await createUser(db, { role: 'manager', fullName: 'Grace Owusu' });
  const lead = await createUser(db, { role: 'team_lead', fullName: 'Tom Price' });
  const amira = await createUser(db, { fullName: 'Amira Shah' });
  const ben = await createUser(db, { fullName: 'Ben Jones' });
  const oak = await addClinic(db, manager, { name: 'Oak House' });
  const cedar = await addClinic(db, manager, {
    name: 'Cedar Lodge',
    region: 'yorkshire_and_the_humber',
    town: 'Leeds',
    postcode: 'LS1 4AP',
    feeTerms: { kind: 'fixed', pence: 150_000 },
  });
  const a = await placedCase(db, amira, { clinicId: oak.id, proposedAt: at('2026-10-01'), admittedOn: '2026-10-02', discharge: { on: '2026-10-30', outcome: 'completed' } });
  const b = await placedCase(db, amira, { clinicId: oak.id, proposedAt: at('2026-10-03'), admittedOn: '2026-10-05' });
  const c = await placedCase(db, ben, { clinicId: cedar.id, proposedAt: at('2026-10-10'), admittedOn: '2026-10-12', discharge: { on: '2026-10-20', outcome: 'left_early' } });
  const d = await placedCase(db, ben, { clinicId: cedar.id, proposedAt: at('2026-10-15'), confirmed: true, cancelled: true });
  const e = await placedCase(db, amira, { clinicId: oak.id, proposedAt: at('2026-09-20'), admittedOn: '2026-09-25' });
  const f = await placedCase(db, ben, { clinicId: oak.id, proposedAt: at('2026-10-28'), confirmed: true });
  return { manager, lead, amira, ben, oak, cedar, cases: { a, b, c, d, e, f } };
}

export const OCTOBER = { periodBy: 'admission', from: '01/10/2026', to: '31/10/2026' } as const;
