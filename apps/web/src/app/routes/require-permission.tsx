import { can, type Permission } from '@harbour/shared/permissions';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSignedInUser } from '../use-signed-in-user';

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const user = useSignedInUser();
  if (can(user.role, permission)) return <>{children}</>;
  return (
    <div className="page-state">
      <h1>You do not have access to this page</h1>
      <p>
        Your role does not include it. If you need it for your work, ask a manager. <Link to="/">Go to your start page</Link>
      </p>
    </div>
  );
}
