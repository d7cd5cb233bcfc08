import { describe, expect, it } from 'vitest';
import { homePathFor, navigationFor } from './navigation';

describe('navigation', () => {
  it('shows the staff page to managers only', () => {
    expect(navigationFor('manager').map((item) => item.label)).toEqual(['Staff', 'Your account']);
    expect(navigationFor('team_lead').map((item) => item.label)).toEqual(['Your account']);
    expect(navigationFor('adviser').map((item) => item.label)).toEqual(['Your account']);
  });

  it('lands each role on its first page', () => {
    expect(homePathFor('manager')).toBe('/staff');
    expect(homePathFor('adviser')).toBe('/account');
  });
});
