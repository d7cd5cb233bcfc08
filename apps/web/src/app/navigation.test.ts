import { describe, expect, it } from 'vitest';
import { homePathFor, navigationFor } from './navigation';

describe('navigation', () => {
  it('shows the staff page to managers only, and the queue and cases to everyone', () => {
    expect(navigationFor('manager').map((item) => item.label)).toEqual(['Callback queue', 'Cases', 'Staff', 'Your account']);
    expect(navigationFor('team_lead').map((item) => item.label)).toEqual(['Callback queue', 'Cases', 'Your account']);
    expect(navigationFor('adviser').map((item) => item.label)).toEqual(['Callback queue', 'Cases', 'Your account']);
  });

  it('lands every role on the callback queue', () => {
    expect(homePathFor('manager')).toBe('/queue');
    expect(homePathFor('adviser')).toBe('/queue');
  });
});
