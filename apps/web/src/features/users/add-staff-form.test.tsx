import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Providers } from '../../app/providers';
import { fakeServer, type FakeServer } from '../../test/fake-server';
import { AddStaffForm } from './add-staff-form';

async function fillIn(password: string) {
  await userEvent.type(screen.getByLabelText('Full name'), 'Sam Okafor');
  await userEvent.type(screen.getByLabelText('Email'), 'sam@harbour.test');
  await userEvent.selectOptions(screen.getByLabelText('Role'), 'Team lead');
  await userEvent.type(screen.getByLabelText(/First password/), password);
  await userEvent.click(screen.getByRole('button', { name: 'Add colleague' }));
}

function renderForm(server: FakeServer, onAdded = vi.fn()) {
  render(
    <Providers trpcClient={server.client}>
      <AddStaffForm onAdded={onAdded} onCancel={vi.fn()} />
    </Providers>,
  );
  return onAdded;
}

describe('add a colleague', () => {
  it('refuses a short password on its field before calling the server', async () => {
    const server = fakeServer({});
    renderForm(server);
    await fillIn('short');
    expect(await screen.findByText('Password must be at least 12 characters')).toBeTruthy();
    expect(server.calls).toEqual([]);
  });

  it("puts the server's answer on the field it names, keeping what was typed", async () => {
    const server = fakeServer({
      'users.create': () => ({
        error: {
          code: 'CONFLICT',
          httpStatus: 409,
          message: 'A colleague with this email already has an account',
          fieldErrors: { email: 'A colleague with this email already has an account' },
        },
      }),
    });
    const onAdded = renderForm(server);
    await fillIn('a long enough password');
    expect(await screen.findByText('A colleague with this email already has an account')).toBeTruthy();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText<HTMLInputElement>('Full name').value).toBe('Sam Okafor');
    expect(server.calls.map((call) => call.input)).toEqual([
      { fullName: 'Sam Okafor', email: 'sam@harbour.test', role: 'team_lead', password: 'a long enough password' },
    ]);
    expect(onAdded).not.toHaveBeenCalled();
  });

  it('reports who was added', async () => {
    const server = fakeServer({
      'users.create': (input) => ({ data: { ...(input as object), id: 'u9', isActive: true, lastLoginAt: null, createdAt: new Date(), version: 1 } }),
      'users.list': () => ({ data: [] }),
    });
    const onAdded = renderForm(server);
    await fillIn('a long enough password');
    await vi.waitFor(() => expect(onAdded).toHaveBeenCalledWith('Sam Okafor can now sign in as team lead with sam@harbour.test.'));
  });
});
