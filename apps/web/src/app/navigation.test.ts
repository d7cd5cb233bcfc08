import { describe, expect, it } from 'vitest';
import { homePathFor, navigationFor } from './navigation';

describe('navigation', () => {
  it('shows the staff and privacy pages to managers only, the pipeline and reports to team leads and managers, and the queue, their work, cases, check-ins and clinics to everyone', () => {
    const shift = ['Callback queue', 'My work', 'Cases'];
    const lookUps = ['Check-ins', 'Clinics'];
    expect(navigationFor('manager').map((item) => item.label)).toEqual([...shift, 'Pipeline', ...lookUps, 'Reports', 'Staff', 'Privacy', 'Your account']);
    expect(navigationFor('team_lead').map((item) => item.label)).toEqual([...shift, 'Pipeline', ...lookUps, 'Reports', 'Your account']);
    expect(navigationFor('adviser').map((item) => item.label)).toEqual([...shift, ...lookUps, 'Your account']);
  });

  it('lands every role on the callback queue', () => {
    expect(homePathFor('manager')).toBe('/queue');
    expect(homePathFor('adviser')).toBe('/queue');
  });
});
