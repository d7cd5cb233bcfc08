import { CONSENT_TO_HEALTH_DATA_TEXT } from '@harbour/shared/callbacks';
import { formatDateTime } from '@harbour/shared/format';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '../../components/ui/button';
import { messageOf, useTRPC, type RouterOutputs } from '../../lib/trpc';

type CaseRecord = RouterOutputs['cases']['byReference'];

/** What the person agreed to, word for word and when; health consent can be asked on the call. */
export function ConsentList({ record }: { record: CaseRecord }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const recordConsent = useMutation(
    trpc.cases.recordHealthDataConsent.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() }),
    }),
  );
  const healthConsentAt = record.healthDataConsentAt ?? record.consentedAt;
  return (
    <>
      <h3>Consent</h3>
      <ul className="consents">
        <li>
          <strong>{record.consentToContact ? 'Agreed' : 'Did not agree'}</strong> on {formatDateTime(record.consentedAt)}: “{record.consentToContactText}”
        </li>
        <li>
          <strong>{record.consentToHealthData ? 'Agreed' : 'Not agreed'}</strong>
          {record.consentToHealthData || record.healthDataConsentAt ? ` on ${formatDateTime(healthConsentAt)}` : ''}: “
          {record.consentToHealthData ? record.consentToHealthDataText : CONSENT_TO_HEALTH_DATA_TEXT}”
        </li>
      </ul>
      {!record.consentToHealthData && record.canChange && (
        <div className="consent-ask">
          <p>Before the assessment, read the sentence above to the client and ask whether they agree.</p>
          <Button isBusy={recordConsent.isPending} onClick={() => recordConsent.mutate({ id: record.id, version: record.contactVersion, given: true })}>
            They agree: record consent
          </Button>
          {recordConsent.isError && (
            <p className="field__error" role="alert">
              {messageOf(recordConsent.error)}
            </p>
          )}
        </div>
      )}
    </>
  );
}
