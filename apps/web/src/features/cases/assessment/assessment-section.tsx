import { Alert } from '../../../components/ui/alert';
import { AssessmentForm, type AssessmentFormProps } from './assessment-form';

export type { AssessmentRecord } from './assessment-values';
export type { LiveRisk } from './risk-screen';

/**
 * The assessment part of the case page: substances, severity, AUDIT, co-occurring conditions,
 * risk and previous treatment, saved as the call goes on.
 */
export function AssessmentSection(props: AssessmentFormProps) {
  const { record } = props;
  return (
    <section className="panel case-section assessment" id="assessment" aria-labelledby="assessment-heading">
      <h2 id="assessment-heading">Assessment</h2>
      {!record.consentToHealthData ? (
        <Alert tone="info" title="No consent to keep health information">
          <p>Record the client&rsquo;s consent to us keeping health information first, under Contact and consent. The assessment can be filled in once it is recorded.</p>
        </Alert>
      ) : (
        <>
          {!record.canChange && (
            <p className="assessment__read-only">This case is assigned to someone else, so you can read the assessment but not change it.</p>
          )}
          {/* A different case, or another adviser at this PC, starts from fresh answers and draft. */}
          <AssessmentForm key={`${props.userId}:${record.id}`} {...props} />
        </>
      )}
    </section>
  );
}
