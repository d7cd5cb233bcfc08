import { describe, expect, it } from 'vitest';
import { can, permissions } from './permissions';
import { roles } from './roles';

describe('permissions', () => {
  it('lets only managers manage staff', () => {
    expect(roles.filter((role) => can(role, 'users:manage'))).toEqual(['manager']);
  });

  it('lets every role look after its own account', () => {
    expect(roles.every((role) => can(role, 'account:self'))).toBe(true);
  });

  it('grants managers every permission there is', () => {
    expect(permissions.every((permission) => can('manager', permission))).toBe(true);
  });
});
