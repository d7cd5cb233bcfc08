import { supportGroupLabels } from '@harbour/shared/aftercare';
import { formatDateTime } from '@harbour/shared/format';
import type { RouterOutputs } from '../../../lib/trpc';

type Plan = RouterOutputs['cases']['byReference']['aftercare']['plan'];

/** Who saved the plan last and when, so an adviser knows how fresh it is. */
export function PlanSavedBy({ plan }: { plan: Plan }) {
  return (
    <p className="muted">
      {plan ? `Last saved by ${plan.updatedByName} at ${formatDateTime(plan.updatedAt)}.` : 'No plan saved yet.'}
    </p>
  );
}

/** The plan as saved, for someone who may read the case but not change it. */
export function AftercarePlanSummary({ plan }: { plan: Plan }) {
  return (
    <div className="aftercare-part">
      <h3>Aftercare plan</h3>
      {plan ? (
        <>
          <PlanSavedBy plan={plan} />
          <dl className="details aftercare-plan">
            <div className="details__row">
              <dt>Support groups</dt>
              <dd>{plan.supportGroups.map((group) => supportGroupLabels[group]).join(', ') || 'None chosen'}</dd>
            </div>
            <div className="details__row">
              <dt>Local services</dt>
              <dd>{plan.localServices ?? 'None given'}</dd>
            </div>
            <div className="details__row">
              <dt>Therapy</dt>
              <dd>{plan.therapy ?? 'None given'}</dd>
            </div>
            <div className="details__row">
              <dt>Notes</dt>
              <dd>{plan.notes ?? 'None'}</dd>
            </div>
          </dl>
        </>
      ) : (
        <p className="muted">No aftercare plan has been saved.</p>
      )}
    </div>
  );
}
