import type { AppRouter } from '@harbour/server/router';
import type { QueryClient } from '@tanstack/react-query';
import { createTRPCOptionsProxy, type TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { matchRoutes, Navigate, useRoutes, type Params, type RouteObject } from 'react-router';
import { LoadingState } from '../components/ui/page-states';
import { RequireSignIn } from '../features/auth/require-sign-in';
import { currentUserQuery } from '../features/auth/use-current-user';
import type { AppClients } from './providers';
import { AppShell } from './app-shell';
import { homePathFor } from './navigation';
import { useSignedInUser } from './use-signed-in-user';

// Each page is its own chunk, so the sign-in page does not download the staff screens.
// lazyPage keeps the chunk's loader, so the page asked for at start-up can be fetched at once,
// alongside the session check, instead of after it (see preloadFirstPage).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same bound as React.lazy's own
function lazyPage<Page extends ComponentType<any>>(load: () => Promise<{ default: Page }>) {
  return Object.assign(lazy(load), { preload: load });
}

const SignInPage = lazyPage(() => import('../features/auth/sign-in-page').then((module) => ({ default: module.SignInPage })));
const RequestCallbackPage = lazyPage(() =>
  import('../features/callbacks/request-callback-page').then((module) => ({ default: module.RequestCallbackPage })),
);
const QueueRoute = lazyPage(() => import('./routes/queue-route'));
const CallbackRoute = lazyPage(() => import('./routes/callback-route'));
const CasesRoute = lazyPage(() => import('./routes/cases-route'));
const CaseRoute = lazyPage(() => import('./routes/case-route'));
const InboundCallRoute = lazyPage(() => import('./routes/inbound-call-route'));
const ClinicsRoute = lazyPage(() => import('./routes/clinics-route'));
const ClinicRoute = lazyPage(() => import('./routes/clinic-route'));
const PipelineRoute = lazyPage(() => import('./routes/pipeline-route'));
const PipelineMetricsRoute = lazyPage(() => import('./routes/pipeline-metrics-route'));
const ReportsRoute = lazyPage(() => import('./routes/reports-route'));
const ServiceDashboardRoute = lazyPage(() => import('./routes/service-dashboard-route'));
const ShiftDashboardRoute = lazyPage(() => import('./routes/shift-dashboard-route'));
const MyWorkRoute = lazyPage(() => import('./routes/my-work-route'));
const CheckInsRoute = lazyPage(() => import('./routes/check-ins-route'));
const StaffRoute = lazyPage(() => import('./routes/staff-route'));
const PrivacyRoute = lazyPage(() => import('./routes/privacy-route'));
const AccountRoute = lazyPage(() => import('./routes/account-route'));
const SetUpTwoStepRoute = lazyPage(() => import('./routes/set-up-two-step-route'));
const NotFoundRoute = lazyPage(() => import('./routes/not-found-route'));

type Prefetch = (queryClient: QueryClient, trpc: TRPCOptionsProxy<AppRouter>, params: Params) => Promise<void>;

interface PageHandle {
  /** Downloads the page's chunks. */
  preload?: () => Promise<unknown>;
  /** Fetches what the page asks for first, under the key the page uses, so it finds it there. */
  prefetch?: Prefetch;
}

function page(path: string, Page: ReturnType<typeof lazyPage<() => ReactNode>>, prefetch?: Prefetch): RouteObject {
  return { path, element: <Page />, handle: { preload: Page.preload, prefetch } satisfies PageHandle };
}

/** A page drawn without the app shell, under its own loading state. */
function outsideShell(path: string, Page: ReturnType<typeof lazyPage<() => ReactNode>>): RouteObject {
  return {
    path,
    handle: { preload: Page.preload } satisfies PageHandle,
    element: (
      <Suspense fallback={<LoadingState label="Loading…" />}>
        <Page />
      </Suspense>
    ),
  };
}

// A prefetch refused for want of a session is the session check's to report, not this one's.
const quietly = { meta: { handlesOwnUnauthorized: true } };
const prefetchSession: Prefetch = (queryClient, trpc) => queryClient.prefetchQuery(currentUserQuery(trpc));

/**
 * Starts everything the page the browser opened on needs at once: its chunks, the session
 * check and the page's first query. Otherwise each waits for the one before (chunks, then the
 * session check, then the page drawing and asking for its data).
 */
export function preloadFirstPage({ queryClient, trpcClient }: AppClients, location: Pick<Location, 'pathname'> = window.location): void {
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  for (const match of matchRoutes(appRoutes, location) ?? []) {
    const handle = match.route.handle as PageHandle | undefined;
    void handle?.preload?.();
    void handle?.prefetch?.(queryClient, trpc, match.params);
  }
}

function HomeRedirect() {
  return <Navigate to={homePathFor(useSignedInUser().role)} replace />;
}

// Routes are matched by useRoutes under a <BrowserRouter>, not by the data router
// (createBrowserRouter): Harbour uses no loaders, actions or fetchers, and the data router's
// machinery for them was 16 KB of gzipped JavaScript on every first load. A page that fails
// while drawing is caught by the app shell's PageErrorBoundary. See docs/decisions/017.
const appRoutes: RouteObject[] = [
  outsideShell('/sign-in', SignInPage),
  // The public's page: no sign-in, no staff navigation.
  outsideShell('/request-callback', RequestCallbackPage),
  {
    // A manager without two-step sign-in sets it up here before anything else opens.
    path: '/set-up-two-step',
    handle: { preload: SetUpTwoStepRoute.preload, prefetch: prefetchSession } satisfies PageHandle,
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
    handle: { prefetch: prefetchSession } satisfies PageHandle,
    element: (
      <RequireSignIn>{(user) => (user.mustSetUpTwoStep ? <Navigate to="/set-up-two-step" replace /> : <AppShell user={user} />)}</RequireSignIn>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      page('queue', QueueRoute, (queryClient, trpc) => queryClient.prefetchQuery({ ...trpc.callbacks.queue.queryOptions(), ...quietly })),
      page('callbacks/:id', CallbackRoute),
      page('cases', CasesRoute),
      page('cases/:reference', CaseRoute, (queryClient, trpc, { reference = '' }) =>
        // The same audited read the page makes a moment later, not an extra one.
        queryClient.prefetchQuery({ ...trpc.cases.byReference.queryOptions({ reference }), ...quietly }),
      ),
      page('enquiries/new', InboundCallRoute),
      page('clinics', ClinicsRoute),
      page('clinics/:id', ClinicRoute),
      page('my-work', MyWorkRoute),
      page('pipeline', PipelineRoute),
      page('pipeline/metrics', PipelineMetricsRoute),
      page('check-ins', CheckInsRoute),
      page('reports', ReportsRoute),
      page('reports/service', ServiceDashboardRoute),
      page('reports/shift', ShiftDashboardRoute),
      page('staff', StaffRoute),
      page('privacy', PrivacyRoute),
      page('account', AccountRoute),
      page('*', NotFoundRoute),
    ],
  },
];

/** The page for the browser's location. */
export function AppRoutes() {
  return useRoutes(appRoutes);
}
