import type { Role } from '@harbour/shared/roles';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import type { RouterOutputs } from '../../../lib/trpc';
import { ClinicMatches } from './clinic-matches';
import { ActivePlacement, PlacementHistory } from './placement-card';
import type { Placement } from './placement-words';
import './placements.css';

const isActive = (placement: Placement) => placement.status === 'proposed' || placement.status === 'confirmed' || placement.status === 'admitted';

/**
 * Clinics and placement on the case page: the placement on the go and its next step, or, when
 * there is none, the directory matched to the case; earlier placements below either way.
 */
export function PlacementSection({ record, user }: { record: RouterOutputs['cases']['byReference']; user: { id: string; role: Role } }) {
  // Kept here, not in the form that took the step: that form is gone once the case re-reads.
  const [done, setDone] = useState<{ message: string; at: number } | null>(null);
  const announce = (message: string) => setDone({ message, at: Date.now() });
  const onDone = record.canChange ? announce : null;
  const active = record.placements.find(isActive);
  const earlier = record.placements.filter((placement) => !isActive(placement));
  const canMatch = record.stage === 'assessment' || record.stage === 'placement';

  return (
    <section className="panel case-section" id="placement" aria-labelledby="placement-heading">
      <h2 id="placement-heading">Clinics and placement</h2>
      {!record.canChange && (
        <p className="read-only-note" role="note">
          Only {record.assignedAdviserName ?? 'the case’s adviser'} or a team lead can propose a clinic or take a placement’s next step. You can see the
          placement and the clinics that match.
        </p>
      )}
      {done && (
        <Alert key={done.at} tone="success" isFocusedOnShow>
          {done.message}
        </Alert>
      )}
      {active ? (
        <ActivePlacement placement={active} record={record} user={user} onDone={onDone} />
      ) : record.stage === 'enquiry' ? (
        <p>Move the case to Assessment first: clinics are matched to what the assessment finds.</p>
      ) : canMatch ? (
        <ClinicMatches record={record} onDone={onDone} />
      ) : (
        <p className="muted">No placement on the go. Clinics are matched while a case is in Assessment or Placement.</p>
      )}
      <PlacementHistory placements={earlier} />
    </section>
  );
}
