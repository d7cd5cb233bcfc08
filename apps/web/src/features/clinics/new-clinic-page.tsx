import { useEffect } from 'react';
import { Link } from 'react-router';
import { ClinicForm } from './clinic-form';
import './clinics.css';

/** A manager adds a partner clinic to the directory. */
export function NewClinicPage({ onAdded, onCancel }: { onAdded: (id: string) => void; onCancel: () => void }) {
  useEffect(() => {
    document.title = 'Add a clinic – Harbour';
  }, []);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/clinics">Clinics</Link>
      </p>
      <h1>Add a clinic</h1>
      <ClinicForm onSaved={(saved) => onAdded(saved.id)} onCancel={onCancel} />
    </>
  );
}
