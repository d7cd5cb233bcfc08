import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { callsTo, fakeServer } from '../../test/fake-server';
import { renderWithProviders } from '../../test/render-with-providers';
import { StaffSecurityCell } from './staff-security-cell';

const colleague = { id: '4b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b', fullName: 'Tom Price', isActive: true };

function renderCell(security = { hasTwoStep: true, liveSessions: 2 }, isCurrentUser = false) {
  const server = fakeServer({
    'users.endSessions': () => ({ data: { sessionsEnded: 2 } }),
    'users.resetTwoStep': () => ({ data: { sessionsEnded: 2 } }),
    'users.securityOverview': () => ({ data: [] }),
  });
  const onOutcome = vi.fn();
  const view = renderWithProviders(
    server,
    <table>
      <tbody>
        <tr>
          <td>
            <StaffSecurityCell member={colleague} security={security} isCurrentUser={isCurrentUser} onOutcome={onOutcome} />
          </td>
        </tr>
      </tbody>
    </table>,
  );
  return { server, onOutcome, ...view };
}

describe("a colleague's sign-in security on the staff page", () => {
  it('signs them out everywhere after a confirmation, naming them', async () => {
    const { server, onOutcome, container } = renderCell();
    expect(await screen.findByText('Two-step on')).toBeTruthy();
    expect(screen.getByText('2 sessions live')).toBeTruthy();
    await expectNoAxeViolations(container);

    await userEvent.click(screen.getByRole('button', { name: /^Sign out everywhere\s*Tom Price$/ }));
    const confirm = screen.getByRole('button', { name: /^Yes, sign out\s*Tom Price$/ });
    expect(document.activeElement).toBe(confirm);
    expect(screen.getByRole('group', { name: 'Confirm signing Tom Price out everywhere' })).toBeTruthy();
    await userEvent.click(confirm);

    await vi.waitFor(() => expect(onOutcome).toHaveBeenCalledWith({ tone: 'success', message: 'Tom Price has been signed out of 2 sessions.' }));
    expect(callsTo(server, 'users.endSessions')).toEqual([{ id: colleague.id }]);
  });

  it('resets their two-step sign-in after a confirmation; Keep changes nothing', async () => {
    const { server, onOutcome } = renderCell();
    await userEvent.click(await screen.findByRole('button', { name: /^Reset two-step\s*sign-in for Tom Price$/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Keep' }));
    expect(callsTo(server, 'users.resetTwoStep')).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: /^Reset two-step\s*sign-in for Tom Price$/ }));
    await userEvent.click(screen.getByRole('button', { name: /^Yes, reset\s*Tom Price$/ }));
    await vi.waitFor(() => expect(onOutcome).toHaveBeenCalledWith(expect.objectContaining({ tone: 'success', message: expect.stringContaining("Tom Price's two-step sign-in is reset") })));
  });

  it('offers nothing to do about yourself, or about someone with nothing to end', async () => {
    renderCell({ hasTwoStep: true, liveSessions: 1 }, true);
    expect(await screen.findByText('Two-step on')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers nothing to end for a colleague who is signed out without two-step sign-in', async () => {
    renderCell({ hasTwoStep: false, liveSessions: 0 });
    expect(await screen.findByText('Not signed in')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
