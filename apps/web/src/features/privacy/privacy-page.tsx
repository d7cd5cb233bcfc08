import { stageLabels } from '@harbour/shared/cases';
import { formatDate } from '@harbour/shared/format';
import { findSubjectSchema } from '@harbour/shared/privacy';
import { toUkDate } from '@harbour/shared/uk-date';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { CheckboxField } from '../../components/ui/checkbox-field';
import { ErrorState, LoadingState } from '../../components/ui/page-states';
import { messageOf, useTRPC, type RouterOutputs } from '../../lib/trpc';
import { ErasePersonForm } from './erase-person-form';
import { FindSubjectForm } from './find-subject-form';
import { RetentionStatus } from './retention-status';
import { SubjectAccessReport } from './subject-access-report';
import { WithdrawConsentForm } from './withdraw-consent-form';
import './privacy.css';

type Found = RouterOutputs['privacy']['findSubject'];

const nameOf = (person: { callerName: string; clientName: string | null }) =>
  person.clientName && person.clientName !== person.callerName ? `${person.callerName} about ${person.clientName}` : person.callerName;

/** The person, their other cases to choose from, and what can be done for them. */
function SubjectPanel({ found, also, onAlsoChange, onShow }: { found: Found; also: string[]; onAlsoChange: (also: string[]) => void; onShow: () => void }) {
  const { subject, otherCases } = found;
  const chosen = new Set(also);
  const query = also.length ? `?also=${also.join(',')}` : '';
  return (
    <section className="panel privacy-subject no-print" aria-labelledby="subject-heading">
      <h2 id="subject-heading">
        {nameOf(subject)} <span className="heading-reference">{subject.reference}</span>
      </h2>
      <p>
        {stageLabels[subject.stage]}, opened {formatDate(subject.openedAt)}
        {subject.erasedAt && <strong>. Erased on {formatDate(subject.erasedAt)}</strong>}
      </p>
      {subject.contactWithdrawnOn && <p className="text-danger">Do not contact: they withdrew consent to be contacted on {toUkDate(subject.contactWithdrawnOn)}.</p>}
      {otherCases.length > 0 ? (
        <fieldset className="fieldset">
          <legend>Other cases with the same phone number or email</legend>
          <p className="muted">Include those that are the same person.</p>
          {otherCases.map((other) => (
            <CheckboxField
              key={other.reference}
              label={`${other.reference}: ${nameOf(other)}, ${stageLabels[other.stage]}, opened ${formatDate(other.openedAt)}`}
              checked={chosen.has(other.reference)}
              onChange={(event) =>
                onAlsoChange(event.target.checked ? [...also, other.reference] : also.filter((reference) => reference !== other.reference))
              }
            />
          ))}
        </fieldset>
      ) : (
        <p className="muted">No other case has the same phone number or email.</p>
      )}
      <div className="button-row">
        <Button onClick={onShow}>Show everything we hold</Button>
        <a className="button button--secondary" href={`/api/privacy/subject-access/${subject.reference}.json${query}`} download>
          Download as JSON
        </a>
      </div>
    </section>
  );
}

/**
 * UK GDPR requests for managers: find the person by a case reference, answer a subject-access
 * request (on screen, printed or as JSON), record withdrawal of consent to contact, or erase.
 */
export function PrivacyPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const [notice, setNotice] = useState<string | null>(null);
  const typed = params.get('reference') ?? '';
  const parsed = findSubjectSchema.safeParse({ reference: typed });
  const reference = parsed.success ? parsed.data.reference : '';
  const also = (params.get('also') ?? '').split(',').filter(Boolean);
  const isShowing = params.get('show') === 'access';

  // Each read is recorded in the audit trail: read when asked, not again on every return to the tab.
  const once = { staleTime: Infinity, refetchOnWindowFocus: false } as const;
  const found = useQuery({ ...trpc.privacy.findSubject.queryOptions({ reference }), ...once, enabled: reference !== '' });
  const report = useQuery({ ...trpc.privacy.subjectAccess.queryOptions({ reference, alsoInclude: also }), ...once, enabled: isShowing && found.isSuccess });

  useEffect(() => {
    document.title = 'Privacy requests – Harbour';
  }, []);

  const update = (next: { reference?: string; also?: string[]; show?: boolean }) => {
    const values = { reference: next.reference ?? reference, also: next.also ?? also, show: next.show ?? isShowing };
    const search = new URLSearchParams();
    if (values.reference) search.set('reference', values.reference);
    if (values.also.length) search.set('also', values.also.join(','));
    if (values.show) search.set('show', 'access');
    setParams(search);
  };

  const subject = found.data?.subject;
  return (
    <>
      <div className="page-header no-print">
        <div>
          <h1>Privacy requests</h1>
          <p className="page-header__meta">Subject access, erasure and withdrawal of consent to contact. Everything you open here is recorded.</p>
        </div>
      </div>
      {notice && (
        <Alert tone="success" isFocusedOnShow>
          {notice}
        </Alert>
      )}
      <FindSubjectForm
        key={reference}
        reference={reference || typed}
        onFind={(next) => {
          setNotice(null);
          update({ reference: next, also: [], show: false });
        }}
      />
      {typed && !parsed.success && <Alert tone="error">{parsed.error.issues[0]?.message}</Alert>}
      {reference && found.isPending && <LoadingState label={`Finding ${reference}…`} />}
      {found.isError && <ErrorState message={messageOf(found.error)} onRetry={() => void found.refetch()} />}
      {found.data && subject && (
        <>
          <SubjectPanel found={found.data} also={also} onAlsoChange={(next) => update({ also: next, show: false })} onShow={() => update({ show: true })} />
          {isShowing && (
            <>
              {report.isPending && <LoadingState label="Reading everything Harbour holds…" />}
              {report.isError && <ErrorState message={messageOf(report.error)} onRetry={() => void report.refetch()} />}
              {report.data && (
                <>
                  <div className="button-row no-print">
                    <Button variant="secondary" onClick={() => window.print()}>
                      Print
                    </Button>
                  </div>
                  <SubjectAccessReport report={report.data} />
                </>
              )}
            </>
          )}
          {!subject.erasedAt && (
            <div className="no-print">
              {!subject.contactWithdrawnOn && <WithdrawConsentForm key={`withdraw-${reference}`} reference={reference} onRecorded={setNotice} />}
              <ErasePersonForm
                key={`erase-${reference}-${also.join(',')}`}
                reference={reference}
                alsoInclude={also}
                onErased={(message) => {
                  setNotice(message);
                  update({ show: false });
                }}
              />
            </div>
          )}
        </>
      )}
      <RetentionStatus />
    </>
  );
}
