import { roleLabels, type Role } from '@harbour/shared/roles';
import { useEffect } from 'react';
import { ChangePasswordForm } from './change-password-form';
import { SessionsPanel } from './sessions-panel';
import { TwoStepPanel } from './two-step-panel';

interface AccountPageProps {
  user: { fullName: string; email: string; role: Role };
}

export function AccountPage({ user }: AccountPageProps) {
  useEffect(() => {
    document.title = 'Your account – Harbour';
  }, []);

  return (
    <>
      <div className="page-header">
        <h1>Your account</h1>
      </div>
      <section className="panel" aria-labelledby="details-heading">
        <h2 id="details-heading">Your details</h2>
        <dl className="details">
          <dt>Name</dt>
          <dd>{user.fullName}</dd>
          <dt>Email</dt>
          <dd>{user.email}</dd>
          <dt>Role</dt>
          <dd>{roleLabels[user.role]}</dd>
        </dl>
        <p className="muted">To change your name, email or role, ask a manager.</p>
      </section>
      <TwoStepPanel />
      <ChangePasswordForm />
      <SessionsPanel />
    </>
  );
}
