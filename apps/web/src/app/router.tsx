import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { LoadingState } from '../components/ui/page-states';
import { RequireSignIn } from '../features/auth/require-sign-in';
import { AppShell } from './app-shell';
import { RouteError } from './route-error';
import { homePathFor } from './navigation';
import { useSignedInUser } from './use-signed-in-user';

// Each page is its own chunk, so the sign-in page does not download the staff screens.
const SignInPage = lazy(() => import('../features/auth/sign-in-page').then((module) => ({ default: module.SignInPage })));
const RequestCallbackPage = lazy(() =>
  import('../features/callbacks/request-callback-page').then((module) => ({ default: module.RequestCallbackPage })),
);
const QueueRoute = lazy(() => import('./routes/queue-route'));
const CallbackRoute = lazy(() => import('./routes/callback-route'));
const CasesRoute = lazy(() => import('./routes/cases-route'));
const CaseRoute = lazy(() => import('./routes/case-route'));
const InboundCallRoute = lazy(() => import('./routes/inbound-call-route'));
const ClinicsRoute = lazy(() => import('./routes/clinics-route'));
const ClinicRoute = lazy(() => import('./routes/clinic-route'));
const PipelineRoute = lazy(() => import('./routes/pipeline-route'));
const PipelineMetricsRoute = lazy(() => import('./routes/pipeline-metrics-route'));
const ReportsRoute = lazy(() => import('./routes/reports-route'));
const ServiceDashboardRoute = lazy(() => import('./routes/service-dashboard-route'));
const ShiftDashboardRoute = lazy(() => import('./routes/shift-dashboard-route'));
const MyWorkRoute = lazy(() => import('./routes/my-work-route'));
const CheckInsRoute = lazy(() => import('./routes/check-ins-route'));
const StaffRoute = lazy(() => import('./routes/staff-route'));
const PrivacyRoute = lazy(() => import('./routes/privacy-route'));
const AccountRoute = lazy(() => import('./routes/account-route'));
const SetUpTwoStepRoute = lazy(() => import('./routes/set-up-two-step-route'));
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
      // The public's page: no sign-in, no staff navigation.
      path: '/request-callback',
      element: (
        <Suspense fallback={<LoadingState label="Loading…" />}>
          <RequestCallbackPage />
        </Suspense>
      ),
    },
    {
      // A manager without two-step sign-in sets it up here before anything else opens.
      path: '/set-up-two-step',
      element: (
        <RequireSignIn>
          {(user) =>
            user.mustSetUpTwoStep ? (
              <Suspense fallback={<LoadingState label="Loading…" />}>
                <SetUpTwoStepRoute fullName={user.fullName} />
              </Suspense>
            ) : (
              <Navigate to="/" replace />
            )
          }
        </RequireSignIn>
      ),
    },
    {
      path: '/',
      element: (
        <RequireSignIn>{(user) => (user.mustSetUpTwoStep ? <Navigate to="/set-up-two-step" replace /> : <AppShell user={user} />)}</RequireSignIn>
      ),
      children: [
        {
          // Keeps the shell when a page fails, instead of the router's bare error screen.
          errorElement: <RouteError />,
          children: [
            { index: true, element: <HomeRedirect /> },
            { path: 'queue', element: <QueueRoute /> },
            { path: 'callbacks/:id', element: <CallbackRoute /> },
            { path: 'cases', element: <CasesRoute /> },
            { path: 'cases/:reference', element: <CaseRoute /> },
            { path: 'enquiries/new', element: <InboundCallRoute /> },
            { path: 'clinics', element: <ClinicsRoute /> },
            { path: 'clinics/:id', element: <ClinicRoute /> },
            { path: 'my-work', element: <MyWorkRoute /> },
            { path: 'pipeline', element: <PipelineRoute /> },
            { path: 'pipeline/metrics', element: <PipelineMetricsRoute /> },
            { path: 'check-ins', element: <CheckInsRoute /> },
            { path: 'reports', element: <ReportsRoute /> },
            { path: 'reports/service', element: <ServiceDashboardRoute /> },
            { path: 'reports/shift', element: <ShiftDashboardRoute /> },
            { path: 'staff', element: <StaffRoute /> },
            { path: 'privacy', element: <PrivacyRoute /> },
            { path: 'account', element: <AccountRoute /> },
            { path: '*', element: <NotFoundRoute /> },
          ],
        },
      ],
    },
  ]);
}
