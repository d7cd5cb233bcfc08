import type { Role } from './roles';

// One list, read by the server to refuse and by the web to hide: they can never disagree.
export const permissions = ['account:self', 'users:manage'] as const;
export type Permission = (typeof permissions)[number];

const permissionsByRole: Record<Role, readonly Permission[]> = {
  adviser: ['account:self'],
  team_lead: ['account:self'],
  manager: ['account:self', 'users:manage'],
};

export function can(role: Role, permission: Permission): boolean {
  return permissionsByRole[role].includes(permission);
}
