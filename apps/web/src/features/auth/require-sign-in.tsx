import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState, LoadingState } from '../../components/ui/page-states';
import { errorCodeOf, messageOf, type HarbourError } from '../../lib/trpc';
import type { SignInState } from './sign-in-notice';
import { useCurrentUser } from './use-current-user';

type CurrentUser = NonNullable<ReturnType<typeof useCurrentUser>['data']>;

/** Renders children only for a signed-in member of staff; otherwise returns to sign-in. */
export function RequireSignIn({ children }: { children: (user: CurrentUser) => ReactNode }) {
  const me = useCurrentUser();
  const location = useLocation();

  if (errorCodeOf(me.error) === 'UNAUTHORIZED') {
    // Having had a user, or the server saying a cookie's session is over, means it ended.
    const hadSession = me.data !== undefined || (me.error as HarbourError).data?.sessionExpired === true;
    const state: SignInState = { from: location.pathname + location.search, ...(hadSession ? { notice: 'session-ended' } : {}) };
    return <Navigate to="/sign-in" replace state={state} />;
  }
  if (me.data) return <>{children(me.data)}</>;
  if (me.error) return <ErrorState message={messageOf(me.error)} onRetry={() => void me.refetch()} />;
  return <LoadingState label="Loading Harbour…" />;
}
