import { attemptOutcomeLabel, forWhomLabels } from '@harbour/shared/callbacks';
import { stageLabels } from '@harbour/shared/cases';
import { formatDate, formatDateTime } from '@harbour/shared/format';
import { startOfLondonDay } from '@harbour/shared/london-time';
import { formatUkPhone } from '@harbour/shared/phone';
import { substanceLabel } from '@harbour/shared/substances';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { CrisisPanel } from '../../components/crisis-panel';
import { ErrorState, LoadingState, NotFoundState } from '../../components/ui/page-states';
import { errorCodeOf, messageOf, useTRPC } from '../../lib/trpc';

/** Whole London calendar days since `date`: yesterday at 23:00 is one day ago at 08:00. */
function daysSince(date: Date): number {
  return Math.round((startOfLondonDay(new Date()).getTime() - startOfLondonDay(date).getTime()) / 86_400_000);
}

export function CasePage({ reference }: { reference: string }) {
  const trpc = useTRPC();
  // Each fetch of a case is an audited view: not on every return to the window.
  const record = useQuery({ ...trpc.cases.byReference.queryOptions({ reference }), refetchOnWindowFocus: false });
  const requests = useQuery({ ...trpc.callbacks.forCase.queryOptions({ caseId: record.data?.id ?? '' }), enabled: Boolean(record.data) });

  useEffect(() => {
    document.title = `${reference} – Harbour`;
  }, [reference]);

  if (record.isPending) return <LoadingState label="Loading the case…" />;
  if (errorCodeOf(record.error) === 'NOT_FOUND') {
    return (
      <NotFoundState title={`Case ${reference} not found`}>
        Check the reference: case references look like H-2026-00042. <Link to="/queue">Back to the callback queue</Link>
      </NotFoundState>
    );
  }
  if (record.isError) return <ErrorState message={messageOf(record.error)} onRetry={() => void record.refetch()} />;
  const found = record.data;
  const days = daysSince(found.stageChangedAt);

  return (
    <>
      <p className="breadcrumb">
        <Link to="/queue">Callback queue</Link>
      </p>
      {found.urgencyReason && found.stage !== 'closed' && <CrisisPanel audience="staff" reason={found.urgencyReason} />}
      <header className="case-header">
        <h1>
          {found.clientName ?? 'Client not yet named'} <span className="heading-reference">{found.reference}</span>
        </h1>
        <p className="page-header__meta">
          <span className="badge badge--neutral">{stageLabels[found.stage]}</span> · {days === 0 ? 'since today' : `${days} ${days === 1 ? 'day' : 'days'} in stage`} ·
          Adviser: {found.assignedAdviserName ?? 'Nobody'}
          {found.urgencyReason && <span className="badge badge--danger">{found.urgencyReason === 'immediate_danger' ? 'Reported danger' : 'Risk mentioned'}</span>}
        </p>
      </header>
      <div className="two-columns">
        <section className="panel" aria-labelledby="contact-heading">
          <h2 id="contact-heading">Contact and consent</h2>
          <dl className="details">
            <dt>Caller</dt>
            <dd>
              {found.callerName} ({forWhomLabels[found.callerRelation].toLowerCase()})
            </dd>
            <dt>Phone</dt>
            <dd>
              <a href={`tel:${found.phone}`}>{formatUkPhone(found.phone)}</a>
            </dd>
            <dt>Email</dt>
            <dd>{found.email ?? 'Not given'}</dd>
            <dt>Concern</dt>
            <dd>{found.substances.length ? found.substances.map(substanceLabel).join(', ') : 'Not given'}</dd>
            <dt>Opened</dt>
            <dd>
              {formatDate(found.openedAt)} from {found.origin === 'callback' ? 'a callback request' : 'an inbound call'}
            </dd>
          </dl>
          <h3>Consent</h3>
          <ul className="consents">
            <li>
              {found.consentToContact ? 'Agreed' : 'Did not agree'} on {formatDateTime(found.consentedAt)}: “{found.consentToContactText}”
            </li>
            <li>
              {found.consentToHealthData ? 'Agreed' : 'Did not agree'} on {formatDateTime(found.consentedAt)}: “{found.consentToHealthDataText}”
            </li>
          </ul>
          <h3>Notes</h3>
          {found.notes.length === 0 ? (
            <p className="muted">No notes yet.</p>
          ) : (
            <ol className="timeline">
              {found.notes.map((note) => (
                <li key={note.id}>
                  <strong>{formatDateTime(note.createdAt)}</strong> · {note.authorName}
                  <p className="message">{note.body}</p>
                </li>
              ))}
            </ol>
          )}
        </section>
        <section className="panel" aria-labelledby="requests-heading">
          <h2 id="requests-heading">Callback requests and calls</h2>
          {requests.isPending ? (
            <LoadingState label="Loading calls…" />
          ) : requests.isError ? (
            <ErrorState message={messageOf(requests.error)} onRetry={() => void requests.refetch()} />
          ) : requests.data.length === 0 ? (
            <p className="muted">This case began with an inbound call.</p>
          ) : (
            requests.data.map((request) => (
              <div key={request.id} className="request-history">
                <h3>
                  {request.reference}, requested {formatDateTime(request.requestedAt)}
                </h3>
                {request.message && <p className="message">{request.message}</p>}
                <ol className="timeline">
                  {request.attempts.map((attempt) => (
                    <li key={attempt.id}>
                      <strong>{attemptOutcomeLabel(attempt.outcome)}</strong> · {formatDateTime(attempt.attemptedAt)} · {attempt.adviserName}
                      {attempt.notes && <p>{attempt.notes}</p>}
                    </li>
                  ))}
                </ol>
              </div>
            ))
          )}
        </section>
      </div>
    </>
  );
}
