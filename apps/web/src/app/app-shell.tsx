import { roleLabels } from '@harbour/shared/roles';
import { Suspense } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { can } from '@harbour/shared/permissions';
import { UrgentWaitingAlert } from '../features/callbacks/urgent-waiting-alert';
import { CrisisAlert } from '../features/cases/crisis-alert';
import { clearAllDrafts } from '../features/cases/assessment/drafts';
import { CaseSearchBox } from '../features/cases/case-search-box';
import { LoadingState } from '../components/ui/page-states';
import { SignOutButton } from '../features/auth/sign-out-button';
import { navigationFor } from './navigation';
import { PageErrorBoundary } from './route-error';
import type { SignedInUser } from './use-signed-in-user';

export function AppShell({ user }: { user: SignedInUser }) {
  const { pathname } = useLocation();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="shell__header">
        <span className="shell__brand">Harbour</span>
        <nav aria-label="Main" className="shell__nav">
          <ul>
            {navigationFor(user.role).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <CaseSearchBox />
        <div className="shell__user">
          <span>
            <span className="shell__user-name">{user.fullName}</span>
            <span className="shell__user-role">{roleLabels[user.role]}</span>
          </span>
          <SignOutButton onSignedOut={clearAllDrafts} />
        </div>
      </header>
      {can(user.role, 'cases:supervise') && <CrisisAlert />}
      {/* The queue and request pages carry their own live stream and urgent banner. */}
      {can(user.role, 'callbacks:supervise') && !/^\/(queue|callbacks\/)/.test(pathname) && <UrgentWaitingAlert />}
      <main id="main" className="shell__main" tabIndex={-1}>
        {/* Keeps the shell when a page fails, instead of a blank screen. */}
        <PageErrorBoundary pathname={pathname}>
          <Suspense fallback={<LoadingState label="Loading page…" />}>
            <Outlet context={{ user }} />
          </Suspense>
        </PageErrorBoundary>
      </main>
    </div>
  );
}
