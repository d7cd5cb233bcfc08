import { serviceValues, serviceOptions, type Service } from '@harbour/shared/clinics';
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
import { ClinicRow } from './clinic-row';
import './clinics.css';

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

/**
 * The partner clinics, filtered by region, service and words. The filters live in the address,
 * so a filtered list can be shared with a colleague and survives a reload or the Back button.
 */
export function ClinicsPage({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const now = useNow(60_000);
  const [params, setParams] = useSearchParams();
  const region = oneOf(regionValues, params.get('region'));
  const service = oneOf(serviceValues, params.get('service'));
  const searched = params.get('search') ?? '';
  const search = useDebounced(searched, 250);
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

  const hasFilters = Boolean(region || service || searched);

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Clinics</h1>
          <p className="page-header__meta">Partner clinics in England and Wales. Ring a clinic to confirm its free beds before proposing it.</p>
        </div>
        {canManage && (
          <Link className="button button--primary" to="/clinics/new">
            Add a clinic
          </Link>
        )}
      </div>
      <form className="filters" aria-label="Filter clinics" onSubmit={(event) => event.preventDefault()}>
        <SelectField label="Region" placeholder="All regions" options={regions} value={region ?? ''} onChange={(event) => update('region', event.target.value as Region)} />
        <SelectField label="Service" placeholder="Any service" options={serviceOptions} value={service ?? ''} onChange={(event) => update('service', event.target.value as Service)} />
        <SearchBox value={searched} onChange={(typed) => update('search', typed.trim())} />
      </form>
      {clinics.isPending ? (
        <LoadingState label="Loading the clinic directory…" />
      ) : clinics.isError ? (
        <ErrorState message={messageOf(clinics.error)} onRetry={() => void clinics.refetch()} />
      ) : (
        <>
          <p className="muted" role="status">
            {clinics.data.length === 1 ? '1 clinic' : `${clinics.data.length} clinics`}
            {hasFilters ? ' match' : ''}
          </p>
          {clinics.data.length > 0 ? (
            <ul className="clinic-list" aria-label="Clinics" aria-busy={clinics.isFetching}>
              {clinics.data.map((clinic) => (
                <ClinicRow key={clinic.id} clinic={clinic} now={now} />
              ))}
            </ul>
          ) : hasFilters ? (
            <EmptyState title="No clinics match these filters">
              <p>
                <Link to="/clinics">Clear the filters</Link>
              </p>
            </EmptyState>
          ) : (
            <EmptyState title="There are no clinics in the directory yet">{canManage && <p>Add the partner clinics with “Add a clinic”.</p>}</EmptyState>
          )}
        </>
      )}
    </>
  );
}

/**
 * The words search. It keeps what was typed (spaces and all) while the address holds the trimmed
 * words; when the address changes some other way (Back, "Clear the filters") the box follows it.
 */
function SearchBox({ value, onChange }: { value: string; onChange: (typed: string) => void }) {
  const [typed, setTyped] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== typed.trim()) setTyped(value);
  }
  return (
    <TextField
      label="Name, town or postcode"
      type="search"
      autoComplete="off"
      maxLength={120}
      value={typed}
      onChange={(event) => {
        setTyped(event.target.value);
        onChange(event.target.value);
      }}
    />
  );
}
