import { serviceOptions, type Service } from '@harbour/shared/clinics';
import { regions, regionValues, type Region } from '@harbour/shared/regions';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/page-states';
import { SelectField } from '../../components/ui/select-field';
import { TextField } from '../../components/ui/text-field';
import { messageOf, useTRPC } from '../../lib/trpc';
import { useDebounced } from '../../lib/use-debounced';
import { useNow } from '../../lib/use-now';
import { bedsOf, placeOf, ratingOf, servicesOf, substancesOf, weeklyPriceOf, type Clinic } from './clinic-words';
import './clinics.css';

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

/** The partner clinics, filtered by region, service and words; the filters live in the address. */
export function ClinicsPage({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const now = useNow(60_000);
  const [params, setParams] = useSearchParams();
  const region = oneOf(regionValues, params.get('region'));
  const service = oneOf(
    serviceOptions.map((option) => option.value),
    params.get('service'),
  );
  const [typed, setTyped] = useState(params.get('search') ?? '');
  const search = useDebounced(typed.trim(), 250);
  const clinics = useQuery({ ...trpc.clinics.list.queryOptions({ region, service, search: search || undefined }), placeholderData: keepPreviousData });

  useEffect(() => {
    document.title = 'Clinics – Harbour';
  }, []);

  const update = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    // Each letter typed replaces the address rather than adding to the browser's history.
    setParams(next, { replace: key === 'search' });
  };

  const hasFilters = Boolean(region || service || search);

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Clinics</h1>
          <p className="muted">Partner clinics in England and Wales. Ring a clinic to confirm its free beds before proposing it.</p>
        </div>
        {canManage && (
          <Link className="button button--primary" to="/clinics/new">
            Add a clinic
          </Link>
        )}
      </div>
      <form className="filters" aria-label="Filter clinics" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label="Region"
          placeholder="All regions"
          options={regions}
          value={region ?? ''}
          onChange={(event) => update('region', (event.target.value as Region) || undefined)}
        />
        <SelectField
          label="Service"
          placeholder="Any service"
          options={serviceOptions}
          value={service ?? ''}
          onChange={(event) => update('service', (event.target.value as Service) || undefined)}
        />
        <TextField
          label="Name, town or postcode"
          type="search"
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
            update('search', event.target.value.trim() || undefined);
          }}
        />
      </form>
      {clinics.isPending && <LoadingState label="Loading the clinic directory…" />}
      {clinics.isError && <ErrorState message={messageOf(clinics.error)} onRetry={() => void clinics.refetch()} />}
      {clinics.data && (
        <>
          <p className="muted" role="status">
            {clinics.data.length === 1 ? '1 clinic' : `${clinics.data.length} clinics`}
            {hasFilters ? ' match' : ''}
          </p>
          {clinics.data.length === 0 ? (
            <EmptyState title="No clinics match these filters">
              <p>
                <Link
                  to="/clinics"
                  onClick={() => {
                    setTyped('');
                  }}
                >
                  Clear the filters
                </Link>
              </p>
            </EmptyState>
          ) : (
            <ul className="clinic-list" aria-label="Clinics">
              {clinics.data.map((clinic) => (
                <ClinicRow key={clinic.id} clinic={clinic} now={now} />
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}

function ClinicRow({ clinic, now }: { clinic: Clinic; now: Date }) {
  const beds = bedsOf(clinic, now);
  return (
    <li className={clinic.isActive ? 'clinic-row' : 'clinic-row clinic-row--inactive'}>
      <div className="clinic-row__head">
        <h2>
          <Link to={`/clinics/${clinic.id}`}>{clinic.name}</Link>
        </h2>
        <p>
          {!clinic.isActive && <span className="badge badge--muted">Inactive</span>} {clinic.isDemo && <span className="badge badge--neutral">Demo data</span>}
        </p>
      </div>
      <p className="muted">
        {placeOf(clinic)} · {ratingOf(clinic)} · {clinic.isDualDiagnosisCapable ? 'Treats dual diagnosis' : 'No dual diagnosis'}
      </p>
      <dl className="clinic-row__facts">
        <div>
          <dt>Beds</dt>
          <dd>
            {beds.count}
            {beds.confirmed && <span className={beds.isStale ? 'text-danger' : 'muted'}> ({beds.confirmed}{beds.isStale ? ': over a week ago' : ''})</span>}
          </dd>
        </div>
        <div>
          <dt>Price</dt>
          <dd>{weeklyPriceOf(clinic)}</dd>
        </div>
        <div>
          <dt>Services</dt>
          <dd>{servicesOf(clinic)}</dd>
        </div>
        <div>
          <dt>Treats</dt>
          <dd>{substancesOf(clinic)}</dd>
        </div>
      </dl>
    </li>
  );
}
