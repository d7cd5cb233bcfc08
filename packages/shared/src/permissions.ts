import type { Role } from './roles';

// One list, read by the server to refuse and by the web to hide: they can never disagree.
export const permissions = [
  'account:self',
  'users:manage',
  'callbacks:work',
  'callbacks:supervise',
  'cases:read',
  'cases:open',
] as const;
export type Permission = (typeof permissions)[number];

const shiftWork: Permission[] = ['account:self', 'callbacks:work', 'cases:read', 'cases:open'];

const permissionsByRole: Record<Role, readonly Permission[]> = {
  adviser: shiftWork,
  team_lead: [...shiftWork, 'callbacks:supervise'],
  manager: [...shiftWork, 'callbacks:supervise', 'users:manage'],
};

export function can(role: Role, permission: Permission): boolean {
  return permissionsByRole[role].includes(permission);
}
