import { can, type Permission } from '@harbour/shared/permissions';
import type { Role } from '@harbour/shared/roles';

interface NavigationItem {
  to: string;
  label: string;
  permission: Permission;
}

// Only pages that exist, each shown only to the roles the server would let use it.
const navigation: readonly NavigationItem[] = [
  { to: '/queue', label: 'Callback queue', permission: 'callbacks:work' },
  { to: '/my-work', label: 'My work', permission: 'cases:read' },
  { to: '/cases', label: 'Cases', permission: 'cases:read' },
  { to: '/pipeline', label: 'Pipeline', permission: 'cases:supervise' },
  { to: '/check-ins', label: 'Check-ins', permission: 'cases:read' },
  { to: '/clinics', label: 'Clinics', permission: 'cases:read' },
  { to: '/reports', label: 'Reports', permission: 'reports:read' },
  { to: '/staff', label: 'Staff', permission: 'users:manage' },
  { to: '/privacy', label: 'Privacy', permission: 'privacy:manage' },
  { to: '/account', label: 'Your account', permission: 'account:self' },
];

export function navigationFor(role: Role): NavigationItem[] {
  return navigation.filter((item) => can(role, item.permission));
}

/** Where a role lands after signing in: its first page. */
export function homePathFor(role: Role): string {
  return navigationFor(role)[0]?.to ?? '/account';
}
