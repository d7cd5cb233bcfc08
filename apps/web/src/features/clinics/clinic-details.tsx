import { formatDateTime } from '@harbour/shared/format';
import { formatUkPhone } from '@harbour/shared/phone';
import { regionLabel } from '@harbour/shared/regions';
import { useNow } from '../../lib/use-now';
import { BedsStatus } from './beds-status';
import { feeTermsOf, fundingOf, lengthsOf, ratingOf, servicesOf, substancesOf, weeklyPriceOf, type Clinic } from './clinic-words';
import { ConfirmBedsForm } from './confirm-beds-form';

/** Everything the directory holds about a clinic, as an adviser reads it to a family. */
export function ClinicDetails({ clinic }: { clinic: Clinic }) {
  const now = useNow(60_000);
  return (
    <>
      <section className="panel" aria-labelledby="beds-heading">
        <h2 id="beds-heading">Free beds</h2>
        <p>
          <BedsStatus clinic={clinic} now={now} />
        </p>
        {clinic.bedsTotal > 0 && <ConfirmBedsForm clinic={clinic} />}
      </section>
      <section className="panel" aria-labelledby="details-heading">
        <h2 id="details-heading">About the clinic</h2>
        <dl className="clinic-details">
          <dt>Taking referrals</dt>
          <dd>{clinic.isActive ? 'Yes' : 'No: inactive, so matching leaves it out'}</dd>
          <dt>Regulator</dt>
          <dd>
            {ratingOf(clinic)}. Location ID {clinic.locationId}
            {clinic.regulator === 'cqc' && (
              <>
                {' '}
                (<a href={`https://www.cqc.org.uk/location/${encodeURIComponent(clinic.locationId)}`} target="_blank" rel="noreferrer">
                  CQC report, opens in a new tab
                </a>
                )
              </>
            )}
          </dd>
          <dt>Region</dt>
          <dd>{regionLabel(clinic.region)}</dd>
          <dt>Town and postcode</dt>
          <dd>
            {clinic.town}, {clinic.postcode}
          </dd>
          <dt>Phone</dt>
          <dd>
            <a href={`tel:${clinic.phone}`}>{formatUkPhone(clinic.phone)}</a>
          </dd>
          <dt>Admissions email</dt>
          <dd>{clinic.email ? <a href={`mailto:${clinic.email}`}>{clinic.email}</a> : 'Not given'}</dd>
          <dt>Services</dt>
          <dd>{servicesOf(clinic)}</dd>
          <dt>Substances treated</dt>
          <dd>{substancesOf(clinic)}</dd>
          <dt>Dual diagnosis</dt>
          <dd>{clinic.isDualDiagnosisCapable ? 'Yes: can treat a mental health condition alongside the addiction' : 'No'}</dd>
          <dt>Programme lengths</dt>
          <dd>{lengthsOf(clinic)}</dd>
          <dt>Weekly price</dt>
          <dd>{weeklyPriceOf(clinic)}</dd>
          <dt>Funding accepted</dt>
          <dd>{fundingOf(clinic)}</dd>
          <dt>Our fee</dt>
          <dd>{feeTermsOf(clinic.feeTerms)}</dd>
          <dt>Details last changed</dt>
          <dd>{formatDateTime(clinic.updatedAt)}</dd>
        </dl>
      </section>
    </>
  );
}
