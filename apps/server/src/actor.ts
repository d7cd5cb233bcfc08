import type { Role } from '@harbour/shared/roles';

/** The signed-in member of staff a service acts for, as the audit trail records them. */
export interface StaffActor {
  userId: string;
  role: Role;
  requestId: string;
}

export function staffActor(ctx: { user: { id: string; role: Role }; requestId: string }): StaffActor {
  return { userId: ctx.user.id, role: ctx.user.role, requestId: ctx.requestId };
}
