import { describe, expect, it } from 'vitest';
import { can, permissions } from './permissions';
import { roles } from './roles';

describe('permissions', () => {
  it('lets only managers manage staff', () => {
    expect(roles.filter((role) => can(role, 'users:manage'))).toEqual(['manager']);
  });

  it('lets team leads and managers supervise the queue, not advisers', () => {
    expect(roles.filter((role) => can(role, 'callbacks:supervise'))).toEqual(['team_lead', 'manager']);
  });

  it('lets every role work the queue, open enquiries and look after its own account', () => {
    for (const permission of ['account:self', 'callbacks:work', 'cases:read', 'cases:open'] as const) {
      expect(roles.every((role) => can(role, permission))).toBe(true);
    }
  });

  it('lets team leads and managers read reports, and only managers download them', () => {
    expect(roles.filter((role) => can(role, 'reports:read'))).toEqual(['team_lead', 'manager']);
    expect(roles.filter((role) => can(role, 'reports:export'))).toEqual(['manager']);
  });

  it('grants managers every permission there is', () => {
    expect(permissions.every((permission) => can('manager', permission))).toBe(true);
  });
});
