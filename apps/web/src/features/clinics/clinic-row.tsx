import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { BedsStatus } from './beds-status';
import { fundingOf, placeOf, ratingOf, servicesOf, substancesOf, weeklyPriceOf, type Clinic } from './clinic-words';

/** One clinic in the directory: what an adviser weighs before ringing it, on a few lines. */
export function ClinicRow({ clinic, now }: { clinic: Clinic; now: Date }) {
  const facts: Array<[string, ReactNode]> = [
    ['Beds', <BedsStatus clinic={clinic} now={now} />],
    ['Price', weeklyPriceOf(clinic)],
    ['Services', servicesOf(clinic)],
    ['Dual diagnosis', clinic.isDualDiagnosisCapable ? 'Yes' : 'No'],
    ['Treats', substancesOf(clinic)],
    ['Funding', fundingOf(clinic)],
  ];
  return (
    <li className={clinic.isActive ? 'clinic-row' : 'clinic-row clinic-row--inactive'}>
      <div className="clinic-row__head">
        <h2>
          <Link to={`/clinics/${clinic.id}`}>{clinic.name}</Link>
        </h2>
        <p className="clinic-row__badges">
          {!clinic.isActive && <span className="badge badge--muted">Inactive: not taking referrals</span>}
          {clinic.isDemo && <span className="badge badge--neutral">Demo data</span>}
        </p>
      </div>
      <p className="muted">
        {ratingOf(clinic)} · {placeOf(clinic)}
      </p>
      <dl className="clinic-row__facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </li>
  );
}
