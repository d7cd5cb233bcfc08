import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ErrorState, LoadingState, NotFoundState } from '../../components/ui/page-states';
import { formatUkPhone } from '@harbour/shared/phone';
import { errorCodeOf, messageOf, useTRPC } from '../../lib/trpc';
import { useNow } from '../../lib/use-now';
import { ClinicForm } from './clinic-form';
import { bedsOf, feeTermsOf, fundingOf, lengthsOf, placeOf, ratingOf, servicesOf, substancesOf, weeklyPriceOf, type Clinic } from './clinic-words';
import { ConfirmBedsForm } from './confirm-beds-form';
import './clinics.css';

/** One clinic: everything an adviser needs to put to a family, free beds to confirm, and a manager's edit. */
export function ClinicPage({ id, canManage }: { id: string; canManage: boolean }) {
  const trpc = useTRPC();
  const clinic = useQuery(trpc.clinics.byId.queryOptions({ id }));
  const [isEditing, setIsEditing] = useState(false);
  const [savedAt, setSavedAt] = useState<number | null>(null);

  useEffect(() => {
    document.title = `${clinic.data?.name ?? 'Clinic'} – Harbour`;
  }, [clinic.data?.name]);

  if (clinic.isPending) return <LoadingState label="Loading the clinic…" />;
  if (errorCodeOf(clinic.error) === 'NOT_FOUND' || errorCodeOf(clinic.error) === 'BAD_REQUEST') {
    return (
      <NotFoundState title="Clinic not found">
        It may have been removed from the directory. <Link to="/clinics">Back to the clinics</Link>
      </NotFoundState>
    );
  }
  if (clinic.isError) return <ErrorState message={messageOf(clinic.error)} onRetry={() => void clinic.refetch()} />;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/clinics">Clinics</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{clinic.data.name}</h1>
          <p className="page-header__meta">
            {placeOf(clinic.data)} · {ratingOf(clinic.data)}
            {!clinic.data.isActive && ' · Inactive'}
            {clinic.data.isDemo && ' · Demo data'}
          </p>
        </div>
        {canManage && !isEditing && (
          <Button variant="secondary" onClick={() => setIsEditing(true)}>
            Edit clinic
          </Button>
        )}
      </div>
      {savedAt && !isEditing && (
        <Alert tone="success" isFocusedOnShow>
          Clinic saved.
        </Alert>
      )}
      {isEditing ? (
        <ClinicForm
          clinic={clinic.data}
          onSaved={() => {
            setIsEditing(false);
            setSavedAt(Date.now());
          }}
          onCancel={() => setIsEditing(false)}
        />
      ) : (
        <ClinicDetails clinic={clinic.data} />
      )}
    </>
  );
}

function ClinicDetails({ clinic }: { clinic: Clinic }) {
  const now = useNow(60_000);
  const beds = bedsOf(clinic, now);
  return (
    <>
      <section className="panel" aria-labelledby="beds-heading">
        <h2 id="beds-heading">Free beds</h2>
        <p>
          <strong>{beds.count}</strong>
          {beds.confirmed && <span className={beds.isStale ? 'text-danger' : 'muted'}> ({beds.confirmed}{beds.isStale ? ': over a week ago, ring to check' : ''})</span>}
        </p>
        {clinic.bedsTotal > 0 && <ConfirmBedsForm clinic={clinic} />}
      </section>
      <section className="panel" aria-labelledby="details-heading">
        <h2 id="details-heading">About the clinic</h2>
        <dl className="clinic-details">
          <dt>Regulator</dt>
          <dd>
            {ratingOf(clinic)}, location ID {clinic.locationId}
          </dd>
          <dt>Address</dt>
          <dd>
            {clinic.town}, {clinic.postcode}
          </dd>
          <dt>Phone</dt>
          <dd>
            <a href={`tel:${clinic.phone}`}>{formatUkPhone(clinic.phone)}</a>
          </dd>
          <dt>Email</dt>
          <dd>{clinic.email ? <a href={`mailto:${clinic.email}`}>{clinic.email}</a> : 'Not given'}</dd>
          <dt>Services</dt>
          <dd>{servicesOf(clinic)}</dd>
          <dt>Treats</dt>
          <dd>{substancesOf(clinic)}</dd>
          <dt>Dual diagnosis</dt>
          <dd>{clinic.isDualDiagnosisCapable ? 'Can treat a mental health condition alongside the addiction' : 'Cannot treat a dual diagnosis'}</dd>
          <dt>Programme lengths</dt>
          <dd>{lengthsOf(clinic)}</dd>
          <dt>Weekly price</dt>
          <dd>{weeklyPriceOf(clinic)}</dd>
          <dt>Funding accepted</dt>
          <dd>{fundingOf(clinic)}</dd>
          <dt>Our fee</dt>
          <dd>{feeTermsOf(clinic.feeTerms)}</dd>
        </dl>
      </section>
    </>
  );
}
