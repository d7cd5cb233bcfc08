import type { ClinicFields } from '@harbour/shared/clinics';
import { sql, type Kysely, type Updateable } from 'kysely';
import type { ClinicsTable, Database } from '../../db/database';

/** A clinic as every screen reads it, in the shape of the form that edits it. */
function selectClinics(db: Kysely<Database>) {
  return db
    .selectFrom('clinics')
    .leftJoin('users as confirmer', 'confirmer.id', 'clinics.beds_confirmed_by')
    .select([
      'clinics.id',
      'clinics.version',
      'clinics.name',
      'clinics.regulator',
      'clinics.location_id as locationId',
      'clinics.rating',
      'clinics.region',
      'clinics.town',
      'clinics.postcode',
      'clinics.phone_e164 as phone',
      'clinics.email',
      'clinics.services',
      'clinics.substances',
      'clinics.is_dual_diagnosis_capable as isDualDiagnosisCapable',
      'clinics.programme_lengths_days as programmeLengthsDays',
      'clinics.weekly_price_min_pence as weeklyPriceMinPence',
      'clinics.weekly_price_max_pence as weeklyPriceMaxPence',
      'clinics.funding_routes as fundingRoutes',
      'clinics.beds_total as bedsTotal',
      'clinics.beds_available as bedsAvailable',
      'clinics.beds_confirmed_at as bedsConfirmedAt',
      'confirmer.full_name as bedsConfirmedByName',
      'clinics.fee_terms as feeTerms',
      'clinics.is_active as isActive',
      'clinics.is_demo as isDemo',
      'clinics.updated_at as updatedAt',
    ]);
}

export type ClinicRow = Awaited<ReturnType<typeof findClinicById>> & {};

export function findClinicById(db: Kysely<Database>, id: string) {
  return selectClinics(db).where('clinics.id', '=', id).executeTakeFirst();
}

// A few hundred partner clinics at most: the directory is read whole, filtered in SQL.
export function findClinics(db: Kysely<Database>, filters: { region?: string; service?: string; search?: string }) {
  let query = selectClinics(db);
  if (filters.region) query = query.where('clinics.region', '=', filters.region as ClinicFields['region']);
  if (filters.service) query = query.where(sql<boolean>`${filters.service} = any(clinics.services)`);
  if (filters.search) {
    const pattern = `%${filters.search.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
    query = query.where((eb) => eb.or([eb('clinics.name', 'ilike', pattern), eb('clinics.town', 'ilike', pattern), eb('clinics.postcode', 'ilike', pattern)]));
  }
  return query.orderBy('clinics.name').orderBy('clinics.id').execute();
}

/** Every active clinic, for matching: inactive ones are listed as excluded, so they come too. */
export function findClinicsForMatching(db: Kysely<Database>) {
  return selectClinics(db).orderBy('clinics.name').execute();
}

export function clinicColumns(clinic: ClinicFields) {
  return {
    name: clinic.name,
    regulator: clinic.regulator,
    location_id: clinic.locationId,
    rating: clinic.rating,
    region: clinic.region,
    town: clinic.town,
    postcode: clinic.postcode,
    phone_e164: clinic.phone,
    email: clinic.email ?? null,
    services: clinic.services,
    substances: clinic.substances,
    is_dual_diagnosis_capable: clinic.isDualDiagnosisCapable,
    programme_lengths_days: clinic.programmeLengthsDays,
    weekly_price_min_pence: clinic.weeklyPriceMinPence,
    weekly_price_max_pence: clinic.weeklyPriceMaxPence,
    funding_routes: clinic.fundingRoutes,
    beds_total: clinic.bedsTotal,
    beds_available: clinic.bedsAvailable,
    fee_terms: JSON.stringify(clinic.feeTerms),
    is_active: clinic.isActive,
  } satisfies Updateable<ClinicsTable>;
}

export function findClinicForUpdate(trx: Kysely<Database>, id: string) {
  return trx.selectFrom('clinics').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export type LockedClinic = NonNullable<Awaited<ReturnType<typeof findClinicForUpdate>>>;

export function findClinicByLocation(db: Kysely<Database>, regulator: string, locationId: string) {
  return db
    .selectFrom('clinics')
    .select(['id', 'name'])
    .where('regulator', '=', regulator as ClinicFields['regulator'])
    .where(sql<boolean>`lower(location_id) = lower(${locationId})`)
    .executeTakeFirst();
}
