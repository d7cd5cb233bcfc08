import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { LoadingState } from '../components/ui/page-states';
import { RequireSignIn } from '../features/auth/require-sign-in';
import { AppShell } from './app-shell';
import { homePathFor } from './navigation';
import { useSignedInUser } from './use-signed-in-user';

// Each page is its own chunk, so the sign-in page does not download the staff screens.
const SignInPage = lazy(() => import('../features/auth/sign-in-page').then((module) => ({ default: module.SignInPage })));
const StaffRoute = lazy(() => import('./routes/staff-route'));
const AccountRoute = lazy(() => import('./routes/account-route'));
const NotFoundRoute = lazy(() => import('./routes/not-found-route'));

function HomeRedirect() {
  return <Navigate to={homePathFor(useSignedInUser().role)} replace />;
}

export function createAppRouter() {
  return createBrowserRouter([
    {
      path: '/sign-in',
      element: (
        <Suspense fallback={<LoadingState label="Loading…" />}>
          <SignInPage />
        </Suspense>
      ),
    },
    {
      path: '/',
      element: <RequireSignIn>{(user) => <AppShell user={user} />}</RequireSignIn>,
      children: [
        { index: true, element: <HomeRedirect /> },
        { path: 'staff', element: <StaffRoute /> },
        { path: 'account', element: <AccountRoute /> },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ]);
}
