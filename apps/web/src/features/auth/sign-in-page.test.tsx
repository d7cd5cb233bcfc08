import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { Providers } from '../../app/providers';
import { fakeServer, type FakeServer } from '../../test/fake-server';
import { SignInPage } from './sign-in-page';

function renderSignIn(server: FakeServer, state?: object) {
  const router = createMemoryRouter(
    [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/', element: <p>Signed in home</p> },
    ],
    { initialEntries: [{ pathname: '/sign-in', state }] },
  );
  render(
    <Providers trpcClient={server.client}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return router;
}

describe('sign-in page', () => {
  it('names each empty field and does not call the server', async () => {
    const server = fakeServer({});
    renderSignIn(server);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter an email address')).toBeTruthy();
    expect(screen.getByText('Enter your password')).toBeTruthy();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(server.calls).toEqual([]);
  });

  it('shows the one failure message and keeps the email typed', async () => {
    const server = fakeServer({
      'auth.login': () => ({ error: { code: 'UNAUTHORIZED', httpStatus: 401, message: 'Email or password is wrong' } }),
    });
    renderSignIn(server);
    await userEvent.type(screen.getByLabelText('Email'), 'Adviser@Harbour.test');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong password');
    await userEvent.keyboard('{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('Email or password is wrong');
    expect(screen.getByLabelText<HTMLInputElement>('Email').value).toBe('Adviser@Harbour.test');
    expect(server.calls).toEqual([{ path: 'auth.login', input: { email: 'adviser@harbour.test', password: 'wrong password' } }]);
  });

  it('goes to the page the person was heading for once signed in', async () => {
    const server = fakeServer({
      'auth.login': () => ({ data: { id: 'u1', email: 'lead@harbour.test', fullName: 'Tom Price', role: 'team_lead' } }),
    });
    const router = renderSignIn(server, { from: '/' });
    await userEvent.type(screen.getByLabelText('Email'), 'lead@harbour.test');
    await userEvent.type(screen.getByLabelText('Password'), 'harbour-demo');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Signed in home')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
  });

  it('says why it is showing when a session has ended', () => {
    renderSignIn(fakeServer({}), { notice: 'session-ended' });
    expect(screen.getByRole('status').textContent).toBe('Your session has ended. Please sign in again.');
  });
});
