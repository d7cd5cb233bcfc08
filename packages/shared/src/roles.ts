// Kept apart from the zod schemas so the app shell can name roles without loading zod.
export const roles = ['adviser', 'team_lead', 'manager'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  adviser: 'Adviser',
  team_lead: 'Team lead',
  manager: 'Manager',
};
