import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { callsTo, fakeServer } from '../../test/fake-server';
import { renderWithProviders } from '../../test/render-with-providers';
import { SessionsPanel } from './sessions-panel';
import { TwoStepPanel } from './two-step-panel';

const recoveryCodes = Array.from({ length: 10 }, (_, index) => `abcde-fghjk-mnpqr-st${String(index).padStart(3, '0')}`);
const started = { qrCode: 'data:image/svg+xml;base64,PHN2Zy8+', key: 'HARB OURD EMOM ANAG ERTW OSTE PKEY 2345', accountName: 'amira@harbour.test' };

describe('two-step sign-in on the account page', () => {
  it('sets up with the QR code or the key as text, checks a code, then shows the ten recovery codes once', async () => {
    let isEnabled = false;
    const server = fakeServer({
      'mfa.status': () => ({ data: { isEnabled, isRequired: false, recoveryCodesLeft: isEnabled ? 10 : 0 } }),
      'mfa.startEnrolment': () => ({ data: started }),
      'mfa.confirmEnrolment': (input) =>
        (input as { code: string }).code === '123456'
          ? ((isEnabled = true), { data: { recoveryCodes } })
          : { error: { code: 'BAD_REQUEST', httpStatus: 400, message: 'That code is wrong.', fieldErrors: { code: 'That code is wrong.' } } },
    });
    const { container } = renderWithProviders(server, <TwoStepPanel />);

    await userEvent.click(await screen.findByRole('button', { name: 'Set up two-step sign-in' }));
    const qr = await screen.findByRole('img', { name: 'QR code to add Harbour to your authenticator app' });
    expect(qr.getAttribute('src')).toBe(started.qrCode);
    expect(screen.getByText(started.key)).toBeTruthy();
    const field = screen.getByLabelText('Code from your app');
    expect(document.activeElement).toBe(field);
    expect(field.getAttribute('autocomplete')).toBe('one-time-code');
    await expectNoAxeViolations(container);

    await userEvent.type(field, '12{Enter}');
    expect(await screen.findByText('Enter the 6-digit code from your authenticator app')).toBeTruthy();
    await userEvent.clear(field);
    await userEvent.type(field, '654321{Enter}');
    expect(await screen.findByText('That code is wrong.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');

    await userEvent.clear(field);
    await userEvent.type(field, '123456{Enter}');
    const list = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(recoveryCodes);
    expect(screen.getByRole('button', { name: 'Download as text' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();
    await expectNoAxeViolations(container);

    await userEvent.click(screen.getByRole('button', { name: 'I have saved my codes' }));
    expect(await screen.findByText(/Two-step sign-in is on\. Next time you sign in/)).toBeTruthy();
    expect(await screen.findByText('10 recovery codes')).toBeTruthy();
    expect(callsTo(server, 'mfa.startEnrolment')).toHaveLength(1);
  });

  it('for a manager: says how many codes are left, makes new ones with a code, and has no way to turn it off', async () => {
    const server = fakeServer({
      'mfa.status': () => ({ data: { isEnabled: true, isRequired: true, recoveryCodesLeft: 2 } }),
      'mfa.regenerateRecoveryCodes': () => ({ data: { recoveryCodes } }),
    });
    const { container } = renderWithProviders(server, <TwoStepPanel />);

    expect(await screen.findByText('2 recovery codes')).toBeTruthy();
    expect(screen.getByText('You are running out of recovery codes: make a new set.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Turn off' })).toBeNull();
    expect(screen.getByText(/Managers must keep two-step sign-in on/)).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Make new recovery codes' }));
    await userEvent.type(screen.getByLabelText(/Code from your app/), '123456{Enter}');
    expect(await screen.findByText(recoveryCodes[0]!)).toBeTruthy();
    expect(callsTo(server, 'mfa.regenerateRecoveryCodes')).toEqual([{ code: '123456' }]);
    await expectNoAxeViolations(container);
  });

  it('shows a failure to load with a way to try again', async () => {
    const server = fakeServer({ 'mfa.status': () => ({ error: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500, message: 'Something went wrong (ref abc). Please try again.' } }) });
    renderWithProviders(server, <TwoStepPanel />);
    expect((await screen.findByRole('alert', {}, { timeout: 5_000 })).textContent).toContain('Something went wrong (ref abc)');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

describe('other sessions on the account page', () => {
  it('says how many other sessions are live and signs them out', async () => {
    let others = 2;
    const server = fakeServer({
      'sessions.mine': () => ({ data: { otherSessions: others } }),
      'sessions.endOthers': () => {
        const ended = others;
        others = 0;
        return { data: { sessionsEnded: ended } };
      },
    });
    const { container } = renderWithProviders(server, <SessionsPanel />);
    expect(await screen.findByText('2 other sessions')).toBeTruthy();
    await expectNoAxeViolations(container);

    await userEvent.click(screen.getByRole('button', { name: 'Sign out other sessions' }));
    expect(await screen.findByText('Signed out of 2 other sessions.')).toBeTruthy();
    expect(await screen.findByText('You are signed in here only.')).toBeTruthy();
  });
});
