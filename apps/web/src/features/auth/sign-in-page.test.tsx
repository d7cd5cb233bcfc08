import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { Providers } from '../../app/providers';
import { expectNoAxeViolations } from '../../test/axe';
import { callsTo, fakeServer, type FakeServer } from '../../test/fake-server';
import { SignInPage } from './sign-in-page';

function renderSignIn(server: FakeServer, state?: object) {
  const router = createMemoryRouter(
    [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/', element: <p>Signed in home</p> },
      { path: '/set-up-two-step', element: <p>Set up two-step sign-in</p> },
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
      'auth.login': () => ({ data: { status: 'signed_in', user: { id: 'u1', email: 'lead@harbour.test', fullName: 'Tom Price', role: 'team_lead', mustSetUpTwoStep: false } } }),
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

  describe('with two-step sign-in', () => {
    const codeNeeded = () => ({ data: { status: 'code_needed', pendingToken: 'p'.repeat(43), expiresAt: new Date() } });
    const manager = { id: 'u3', email: 'manager@harbour.test', fullName: 'Grace Owusu', role: 'manager', mustSetUpTwoStep: false };

    async function signInWithPassword() {
      await userEvent.type(screen.getByLabelText('Email'), 'manager@harbour.test');
      await userEvent.type(screen.getByLabelText('Password'), 'harbour-demo');
      await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
      return screen.findByRole('heading', { name: 'Enter your code' });
    }

    it('asks for the code next, with the cursor in a field made for one-time codes, and sends the token, not the password', async () => {
      const server = fakeServer({ 'auth.login': codeNeeded, 'auth.verifyCode': () => ({ data: { status: 'signed_in', user: manager } }) });
      renderSignIn(server);
      await signInWithPassword();

      const field = screen.getByLabelText<HTMLInputElement>('Code from your app');
      expect(document.activeElement).toBe(field);
      expect(field.getAttribute('autocomplete')).toBe('one-time-code');
      expect(field.getAttribute('inputmode')).toBe('numeric');
      await expectNoAxeViolations(document.body);

      await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
      expect(await screen.findByText('Enter the code')).toBeTruthy();
      expect(field.getAttribute('aria-invalid')).toBe('true');

      await userEvent.type(field, '123456{Enter}');
      expect(await screen.findByText('Signed in home')).toBeTruthy();
      expect(callsTo(server, 'auth.verifyCode')).toEqual([{ pendingToken: 'p'.repeat(43), code: '123456' }]);
    });

    it('puts a wrong code on the code field, and takes a recovery code in a text field', async () => {
      const server = fakeServer({
        'auth.login': codeNeeded,
        'auth.verifyCode': () => ({
          error: { code: 'BAD_REQUEST', httpStatus: 400, message: 'That code is wrong.', fieldErrors: { code: 'That code is wrong.' } },
        }),
      });
      renderSignIn(server);
      await signInWithPassword();
      await userEvent.type(screen.getByLabelText('Code from your app'), '000000{Enter}');
      expect(await screen.findByText('That code is wrong.')).toBeTruthy();

      await userEvent.click(screen.getByRole('button', { name: 'Lost your phone? Use a recovery code' }));
      const recovery = screen.getByLabelText<HTMLInputElement>('Recovery code');
      expect(document.activeElement).toBe(recovery);
      expect(recovery.getAttribute('inputmode')).toBe('text');
    });

    it('goes back to the password, saying why, when the code step has ended', async () => {
      const server = fakeServer({
        'auth.login': codeNeeded,
        'auth.verifyCode': () => ({ error: { code: 'UNAUTHORIZED', httpStatus: 401, message: 'Too many wrong codes. Enter your email and password again.' } }),
      });
      renderSignIn(server);
      await signInWithPassword();
      await userEvent.type(screen.getByLabelText('Code from your app'), '000000{Enter}');
      expect((await screen.findByRole('alert')).textContent).toBe('Too many wrong codes. Enter your email and password again.');
      expect(screen.getByRole('heading', { name: 'Sign in to Harbour' })).toBeTruthy();
    });

    it('sends a manager without two-step sign-in straight to set it up', async () => {
      const server = fakeServer({ 'auth.login': () => ({ data: { status: 'signed_in', user: { ...manager, mustSetUpTwoStep: true } } }) });
      const router = renderSignIn(server, { from: '/reports' });
      await userEvent.type(screen.getByLabelText('Email'), 'manager@harbour.test');
      await userEvent.type(screen.getByLabelText('Password'), 'harbour-demo{Enter}');
      expect(await screen.findByText('Set up two-step sign-in')).toBeTruthy();
      expect(router.state.location.pathname).toBe('/set-up-two-step');
    });
  });
});
