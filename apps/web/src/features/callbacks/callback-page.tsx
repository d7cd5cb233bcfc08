import { attemptOutcomeLabel, forWhomLabels } from '@harbour/shared/callbacks';
import { callWindows } from '@harbour/shared/callback-rules';
import { formatDateTime, formatWhen } from '@harbour/shared/format';
import { can } from '@harbour/shared/permissions';
import { formatUkPhone } from '@harbour/shared/phone';
import type { Role } from '@harbour/shared/roles';
import { substanceLabel } from '@harbour/shared/substances';
import { toUkDate } from '@harbour/shared/uk-date';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { CrisisPanel } from '../../components/crisis-panel';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ErrorState, LoadingState, NotFoundState } from '../../components/ui/page-states';
import { errorCodeOf, messageOf, useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useNow } from '../../lib/use-now';
import { AssignControl } from './assign-control';
import { DueIn, statusLabels, UrgencyBadge } from './callback-badges';
import { LogAttemptForm } from './log-attempt-form';
import { useLiveCallbacks } from './use-live-callbacks';

type Callback = RouterOutputs['callbacks']['byId'];
type Outcome = { tone: 'success' | 'error'; message: string };

interface CallbackPageProps {
  id: string;
  user: { id: string; role: Role };
  /** Earlier cases for this person, with a way to choose one: the route supplies it. */
  renderPreviousContacts: (contacts: Callback['previousContacts'], onLink: (caseId: string) => void, isBusy: boolean) => ReactNode;
}

function bestTimeText(callback: Callback): string {
  if (callback.bestTimeKind === 'asap') return 'As soon as possible';
  if (callback.bestTimeKind === 'at' && callback.bestTimeAt) return formatDateTime(callback.bestTimeAt);
  return callWindows[callback.bestTimeKind as keyof typeof callWindows]?.label ?? callback.bestTimeKind;
}

export function CallbackPage({ id, user, renderPreviousContacts }: CallbackPageProps) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const now = useNow();
  useLiveCallbacks();
  // Each fetch of a person's request is an audited view: fetch when it changes, not on every focus.
  const callback = useQuery({ ...trpc.callbacks.byId.queryOptions({ id }), refetchOnWindowFocus: false });
  const handedOver = (useLocation().state as { notice?: string } | null)?.notice;
  const [outcome, setOutcome] = useState<Outcome | null>(handedOver ? { tone: 'error', message: handedOver } : null);
  const canSupervise = can(user.role, 'callbacks:supervise');
  const queryClient = useQueryClient();
  const report = (error: unknown) => setOutcome({ tone: 'error', message: messageOf(error) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.callbacks.pathKey() });

  const claim = useMutation(trpc.callbacks.claim.mutationOptions({ onSuccess: refresh, onError: report }));
  const release = useMutation(trpc.callbacks.release.mutationOptions({ onSuccess: () => navigate('/queue'), onError: report }));
  const reopen = useMutation(
    trpc.callbacks.reopen.mutationOptions({
      onSuccess: async () => {
        await refresh();
        setOutcome({ tone: 'success', message: 'Reopened: the request is due now.' });
      },
      onError: report,
    }),
  );
  const openCase = useMutation(
    trpc.callbacks.openCase.mutationOptions({ onSuccess: ({ caseReference }) => navigate(`/cases/${caseReference}`), onError: report }),
  );

  useEffect(() => {
    document.title = callback.data ? `${callback.data.reference} – Harbour` : 'Callback request – Harbour';
  }, [callback.data]);

  if (callback.isPending) return <LoadingState label="Loading the request…" />;
  if (errorCodeOf(callback.error) === 'NOT_FOUND') {
    return (
      <NotFoundState title="Callback request not found">
        It may have been mistyped. <Link to="/queue">Back to the callback queue</Link>
      </NotFoundState>
    );
  }
  if (callback.isError) return <ErrorState message={messageOf(callback.error)} onRetry={() => void callback.refetch()} />;
  const request = callback.data;
  const isMine = request.claimedById === user.id;
  const hasLapsedOnMe = !isMine && request.claimedById === null && request.heldById === user.id && request.status === 'open';
  const isFree = request.claimedById === null && request.status === 'open';

  return (
    <>
      <p className="breadcrumb">
        <Link to="/queue">Callback queue</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>
            {request.fullName} <span className="heading-reference">{request.reference}</span>
          </h1>
          <p className="page-header__meta">
            {statusLabels[request.status]}
            {request.status === 'open' && (
              <>
                {' · '}
                <DueIn dueAt={request.dueAt} now={now} status={request.status} />
              </>
            )}{' '}
            · {request.attemptCount}{' '}
            {request.attemptCount === 1 ? 'call' : 'calls'} so far · {isMine
              ? request.status === 'open' && request.claimExpiresAt
                ? `Claimed by you until ${formatWhen(request.claimExpiresAt, now)} unless you log a call`
                : 'Claimed by you'
              : request.claimedByName
                ? `Claimed by ${request.claimedByName}`
                : 'Not claimed'}{' '}
            <UrgencyBadge reason={request.urgencyReason} />
          </p>
        </div>
        <div className="button-row">
          {isFree && (
            <Button isBusy={claim.isPending} onClick={() => claim.mutate({ id })}>
              Claim
            </Button>
          )}
          {isMine && request.status === 'open' && (
            <Button variant="secondary" isBusy={claim.isPending} onClick={() => claim.mutate({ id })}>
              Still on the call: keep it
            </Button>
          )}
          {request.claimedById !== null && (isMine || canSupervise) && request.status === 'open' && (
            <Button variant="secondary" isBusy={release.isPending} onClick={() => release.mutate({ id })}>
              {isMine ? 'Put back in the queue' : 'Release claim'}
            </Button>
          )}
          {request.status === 'unreachable' && canSupervise && (
            <Button isBusy={reopen.isPending} onClick={() => reopen.mutate({ id })}>
              Reopen for more calls
            </Button>
          )}
        </div>
      </div>

      {request.urgencyReason && request.status !== 'case_opened' && <CrisisPanel audience="staff" reason={request.urgencyReason} />}
      {request.followsWithdrawalOn && request.status === 'open' && (
        <Alert tone="info" title="They had asked us not to contact them">
          On {toUkDate(request.followsWithdrawalOn)} this person withdrew consent to be contacted. This is a new request from them, so they
          may have changed their mind: check they want us to call before anything else.
        </Alert>
      )}
      {outcome && <Alert tone={outcome.tone}>{outcome.message}</Alert>}
      {hasLapsedOnMe && (
        <Alert tone="error">
          Your claim lapsed{request.claimExpiresAt ? ` at ${formatWhen(request.claimExpiresAt, now)}` : ''}, so a colleague may take this
          request. If you are still on the call, keep it; you can log the call either way until someone else claims it.{' '}
          <Button variant="secondary" isBusy={claim.isPending} onClick={() => claim.mutate({ id })}>
            Keep it
          </Button>
        </Alert>
      )}

      <div className="two-columns">
        <section className="panel" aria-labelledby="contact-heading">
          <h2 id="contact-heading">Who to call</h2>
          <p className="phone-number">
            <a href={`tel:${request.phone}`}>{formatUkPhone(request.phone)}</a>
          </p>
          <dl className="details">
            <dt>For</dt>
            <dd>{forWhomLabels[request.forWhom]}</dd>
            <dt>Email</dt>
            <dd>{request.email ?? 'Not given'}</dd>
            <dt>Best time</dt>
            <dd>{bestTimeText(request)}</dd>
            <dt>Concern</dt>
            <dd>{request.substances.length ? request.substances.map(substanceLabel).join(', ') : 'Not given'}</dd>
            <dt>Requested</dt>
            <dd>{formatDateTime(request.requestedAt)}</dd>
          </dl>
          <h3>Their message</h3>
          <p className="message">{request.message ?? 'No message.'}</p>
          <h3>Consent</h3>
          <ul className="consents">
            <li>
              {request.consentToContact ? 'Agreed' : 'Did not agree'} on {formatDateTime(request.requestedAt)}: “{request.consentToContactText}”
            </li>
            <li>
              {request.consentToHealthData ? 'Agreed' : 'Did not agree'} on {formatDateTime(request.requestedAt)}: “{request.consentToHealthDataText}”
            </li>
          </ul>
        </section>

        <div>
          {(isMine || hasLapsedOnMe) && request.status === 'open' && (
            <LogAttemptForm callbackId={id} onLogged={(message) => setOutcome({ tone: 'success', message })} />
          )}
          {request.status === 'answered' && (isMine || canSupervise) && (
            <section className="panel" aria-labelledby="open-case-heading">
              <h2 id="open-case-heading">Open the enquiry</h2>
              {renderPreviousContacts(request.previousContacts, (caseId) => openCase.mutate({ id, existingCaseId: caseId }), openCase.isPending)}
              <Button isBusy={openCase.isPending} onClick={() => openCase.mutate({ id })}>
                Open a new enquiry
              </Button>
            </section>
          )}
          {request.status === 'case_opened' && request.caseReference && (
            <Alert tone="info">
              This request became case <Link to={`/cases/${request.caseReference}`}>{request.caseReference}</Link>.
            </Alert>
          )}
          {canSupervise && request.status === 'open' && (
            <section className="panel" aria-labelledby="assign-heading">
              <h2 id="assign-heading">Assign</h2>
              <AssignControl callbackId={id} onDone={setOutcome} />
            </section>
          )}
          <section className="panel" aria-labelledby="attempts-heading">
            <h2 id="attempts-heading">Calls so far</h2>
            {request.attempts.length === 0 ? (
              <p className="muted">No calls yet.</p>
            ) : (
              <ol className="timeline">
                {request.attempts.map((attempt) => (
                  <li key={attempt.id}>
                    <strong>{attemptOutcomeLabel(attempt.outcome)}</strong> · {formatDateTime(attempt.attemptedAt)} · {attempt.adviserName}
                    {attempt.callBackAt && <span> · asked for {formatDateTime(attempt.callBackAt)}</span>}
                    {attempt.notes && <p>{attempt.notes}</p>}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
