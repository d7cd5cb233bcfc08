import type { ReactNode } from 'react';
import { RiskBadge } from '../../../components/case-badges';
import { auditText, severityText, useLiveAssessment, type AssessmentControl } from './use-live-assessment';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The figures that decide a placement, kept in view beside the long form, with its actions. */
export function AssessmentSummary({ control, children }: { control: AssessmentControl; children?: ReactNode }) {
  const live = useLiveAssessment(control);
  return (
    <aside className="assessment-summary" aria-labelledby="assessment-summary-heading">
      <h3 id="assessment-summary-heading" className="assessment-summary__heading">
        Summary
      </h3>
      <dl className="assessment-summary__facts">
        <Fact term="Severity">{severityText(live.severity)}</Fact>
        {live.hasAlcohol && <Fact term="AUDIT">{auditText(live.audit)}</Fact>}
        <Fact term="Risk">
          <RiskBadge level={live.isRiskKnown ? live.risk.level : null} isLabelled={false} />
        </Fact>
        <Fact term="Dual diagnosis">{live.isDualDiagnosis ? <span className="badge badge--dual">Yes</span> : 'No'}</Fact>
        <Fact term="Status">
          {live.gaps.length === 0 ? (
            <strong>Complete</strong>
          ) : (
            <>
              Not complete:{' '}
              <ul className="assessment-summary__gaps">
                {live.gaps.map((gap) => (
                  <li key={gap}>{gap}</li>
                ))}
              </ul>
            </>
          )}
        </Fact>
      </dl>
      {children}
    </aside>
  );
}
