import { roleLabels, roles } from '@harbour/shared/roles';

export const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));
