import { describe, expect, it } from 'vitest';
import { homePathFor, navigationFor } from './navigation';

describe('navigation', () => {
  it('shows the staff page to managers only, and the queue to everyone', () => {
    expect(navigationFor('manager').map((item) => item.label)).toEqual(['Callback queue', 'Staff', 'Your account']);
    expect(navigationFor('team_lead').map((item) => item.label)).toEqual(['Callback queue', 'Your account']);
    expect(navigationFor('adviser').map((item) => item.label)).toEqual(['Callback queue', 'Your account']);
  });

  it('lands every role on the callback queue', () => {
    expect(homePathFor('manager')).toBe('/queue');
    expect(homePathFor('adviser')).toBe('/queue');
  });
});
