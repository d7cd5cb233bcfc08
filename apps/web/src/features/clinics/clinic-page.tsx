import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Link } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ErrorState, LoadingState, NotFoundState } from '../../components/ui/page-states';
import { errorCodeOf, messageOf, useTRPC } from '../../lib/trpc';
import { ClinicDetails } from './clinic-details';
import { ClinicForm } from './clinic-form';
import { placeOf, ratingOf } from './clinic-words';
import './clinics.css';

/**
 * One clinic: everything an adviser needs to put to a family, free beds to confirm, and a
 * manager's edit. `isJustAdded` greets a manager who has just added it.
 */
export function ClinicPage({ id, canManage, isJustAdded = false }: { id: string; canManage: boolean; isJustAdded?: boolean }) {
  const trpc = useTRPC();
  const clinic = useQuery(trpc.clinics.byId.queryOptions({ id }));
  const [isEditing, setIsEditing] = useState(false);
  const [notice, setNotice] = useState(isJustAdded ? 'Clinic added to the directory.' : null);
  const editButton = useRef<HTMLButtonElement>(null);

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

  const stopEditing = () => {
    // The Edit button comes back only once the form has gone: focus returns to it, not to the page's top.
    flushSync(() => setIsEditing(false));
    editButton.current?.focus();
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/clinics">Clinics</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{clinic.data.name}</h1>
          <p className="page-header__meta">
            {ratingOf(clinic.data)} · {placeOf(clinic.data)}
            {!clinic.data.isActive && <span className="badge badge--muted">Inactive: not taking referrals</span>}
            {clinic.data.isDemo && <span className="badge badge--neutral">Demo data</span>}
          </p>
        </div>
        {canManage && !isEditing && (
          <Button
            ref={editButton}
            variant="secondary"
            onClick={() => {
              setNotice(null);
              setIsEditing(true);
            }}
          >
            Edit clinic
          </Button>
        )}
      </div>
      {notice && !isEditing && (
        <Alert tone="success" isFocusedOnShow>
          {notice}
        </Alert>
      )}
      {isEditing ? (
        <ClinicForm
          clinic={clinic.data}
          onSaved={() => {
            setNotice('Clinic saved.');
            setIsEditing(false);
          }}
          onCancel={stopEditing}
        />
      ) : (
        <ClinicDetails clinic={clinic.data} />
      )}
    </>
  );
}
