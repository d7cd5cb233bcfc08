import type { Role } from './roles';

// One list, read by the server to refuse and by the web to hide: they can never disagree.
export const permissions = [
  'account:self',
  'users:manage',
  'callbacks:work',
  'callbacks:supervise',
  'cases:read',
  'cases:open',
  // Advisers change cases assigned to them or to nobody (checked per case by the server).
  'cases:change',
  // Change any case, assign it to anyone, move it back a stage or reopen it.
  'cases:supervise',
  // Policy numbers are shown in full only to managers and the case's own adviser.
  'cases:read_policy_numbers',
  // Add and edit clinics in the directory; everyone on shift reads it and confirms free beds.
  'clinics:manage',
  // The placement report and the dashboards on screen: counts, references and initials.
  'reports:read',
  // Placement reports downloaded as files, which leave Harbour: managers only.
  'reports:export',
  // Subject access, erasure, consent withdrawal and the retention job's record: managers only.
  'privacy:manage',
] as const;
export type Permission = (typeof permissions)[number];

const shiftWork: Permission[] = ['account:self', 'callbacks:work', 'cases:read', 'cases:open', 'cases:change'];

const permissionsByRole: Record<Role, readonly Permission[]> = {
  adviser: shiftWork,
  team_lead: [...shiftWork, 'callbacks:supervise', 'cases:supervise', 'reports:read'],
  manager: [...shiftWork, 'callbacks:supervise', 'cases:supervise', 'cases:read_policy_numbers', 'clinics:manage', 'users:manage', 'reports:read', 'reports:export', 'privacy:manage'],
};

export function can(role: Role, permission: Permission): boolean {
  return permissionsByRole[role].includes(permission);
}
