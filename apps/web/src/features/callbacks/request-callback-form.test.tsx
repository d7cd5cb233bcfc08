import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Providers } from '../../app/providers';
import { fakeServer, type FakeServer } from '../../test/fake-server';
import { RequestCallbackForm } from './request-callback-form';

function renderForm(server: FakeServer, onSent = vi.fn()) {
  render(
    <Providers trpcClient={server.client}>
      <RequestCallbackForm onSent={onSent} />
    </Providers>,
  );
  return onSent;
}

async function fillIn() {
  await userEvent.click(screen.getByRole('radio', { name: 'No' }));
  await userEvent.type(screen.getByLabelText('Your full name'), 'Sam Caller');
  await userEvent.type(screen.getByLabelText(/Phone number/), '07400 123456');
  await userEvent.click(screen.getByRole('radio', { name: 'Me' }));
}

describe('the public callback form', () => {
  afterEach(() => sessionStorage.clear());

  it('shows the crisis numbers as soon as someone says a person is in danger', async () => {
    renderForm(fakeServer({}));
    expect(screen.queryByText(/get help straight away/)).toBeNull();
    await userEvent.click(screen.getByRole('radio', { name: 'Yes' }));
    const crisis = screen.getByRole('alert');
    expect(crisis.textContent).toContain('Call 999');
    expect(crisis.textContent).toContain('Call 116 123');
  });

  it('will not send without consent to be contacted, and says so on that box', async () => {
    const server = fakeServer({});
    renderForm(server);
    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'Request a callback' }));
    expect(await screen.findByText('Tick this box so that we can call you back')).toBeTruthy();
    expect(server.calls).toEqual([]);
  });

  it('resends the same answers with the same key after a lost connection, and changed answers with a new one', async () => {
    const replies: Array<'connection-lost' | { data: unknown }> = ['connection-lost', 'connection-lost', { data: { reference: 'CB-7K3M9Q', dueBy: new Date(), isUrgent: false } }];
    const server = fakeServer({ 'callbacks.request': () => replies.shift() ?? 'connection-lost' });
    const onSent = renderForm(server);
    await fillIn();
    await userEvent.click(screen.getByLabelText(/I agree to Harbour Referrals calling me/));

    await userEvent.click(screen.getByRole('button', { name: 'Request a callback' }));
    expect(await screen.findByText('Your request has not been sent yet')).toBeTruthy();
    // Sent again on its own, with the same key.
    await vi.waitFor(() => expect(server.calls).toHaveLength(2), { timeout: 5_000 });
    await screen.findByText('We will try again in a few seconds.');
    const phone = screen.getByLabelText(/Phone number/);
    await userEvent.clear(phone);
    await userEvent.type(phone, '020 7946 0000');
    await userEvent.click(screen.getByRole('button', { name: 'Try sending now' }));
    await vi.waitFor(() => expect(onSent).toHaveBeenCalled());

    const keys = server.calls.map((call) => (call.input as { idempotencyKey: string }).idempotencyKey);
    expect(server.calls).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('keeps a request typed while the database is out of reach on this device, says so with the helpline number, and sends it once Harbour answers', async () => {
    const outage = { error: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503, message: "Harbour can't reach its database; nothing you entered is lost." } };
    let isDatabaseBack = false;
    const server = fakeServer({
      'callbacks.request': () => (isDatabaseBack ? { data: { reference: 'CB-7K3M9Q', dueBy: new Date(), isUrgent: false } } : outage),
    });
    const onSent = renderForm(server);
    await fillIn();
    await userEvent.click(screen.getByLabelText(/I agree to Harbour Referrals calling me/));
    await userEvent.click(screen.getByRole('button', { name: 'Request a callback' }));

    const notice = await screen.findByText('Your request has not been sent yet');
    const alert = notice.closest('[role="alert"]') as HTMLElement;
    expect(alert.textContent).toContain('saved on this device and will be sent as soon as Harbour is reachable');
    expect(within(alert).getByRole('link', { name: '0808 157 0192' }).getAttribute('href')).toBe('tel:08081570192');
    expect(alert.textContent).toContain('call 999');
    expect(onSent).not.toHaveBeenCalled();
    expect((screen.getByLabelText('Your full name') as HTMLInputElement).value).toBe('Sam Caller');
    const kept = JSON.parse(sessionStorage.getItem('harbour:pending-callback-request') ?? 'null') as { fullName: string; idempotencyKey: string };
    expect(kept.fullName).toBe('Sam Caller');

    isDatabaseBack = true;
    await vi.waitFor(() => expect(onSent).toHaveBeenCalled(), { timeout: 5_000 });
    const keys = new Set(server.calls.map((call) => (call.input as { idempotencyKey: string }).idempotencyKey));
    expect(server.calls.length).toBeGreaterThan(1);
    expect([...keys]).toEqual([kept.idempotencyKey]);
    expect(sessionStorage.getItem('harbour:pending-callback-request')).toBeNull();
  });

  it('sends a request left waiting in this tab when the page opens again, with the key it had', async () => {
    const waiting = {
      fullName: 'Sam Caller',
      phone: '07400 123456',
      email: '',
      forWhom: 'self',
      bestTime: { kind: 'asap' },
      substances: [],
      message: '',
      immediateDanger: false,
      consentToContact: true,
      consentToHealthData: false,
      idempotencyKey: '0b5e3f0e-6a8c-4f7d-9a51-3c2e1d0f9b77',
      website: '',
    };
    sessionStorage.setItem('harbour:pending-callback-request', JSON.stringify(waiting));
    const server = fakeServer({ 'callbacks.request': () => ({ data: { reference: 'CB-7K3M9Q', dueBy: new Date(), isUrgent: false } }) });
    const onSent = renderForm(server);

    await vi.waitFor(() => expect(onSent).toHaveBeenCalled());
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0]?.input).toMatchObject({ fullName: 'Sam Caller', idempotencyKey: waiting.idempotencyKey });
    expect(sessionStorage.getItem('harbour:pending-callback-request')).toBeNull();
  });

  it('does not keep or resend a request the server refused for a reason', async () => {
    const server = fakeServer({
      'callbacks.request': () => ({ error: { code: 'TOO_MANY_REQUESTS', httpStatus: 429, message: 'We have had several requests from your connection' } }),
    });
    renderForm(server);
    await fillIn();
    await userEvent.click(screen.getByLabelText(/I agree to Harbour Referrals calling me/));
    await userEvent.click(screen.getByRole('button', { name: 'Request a callback' }));
    expect(await screen.findByText(/several requests from your connection/)).toBeTruthy();
    expect(sessionStorage.getItem('harbour:pending-callback-request')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(server.calls).toHaveLength(1);
  });

  it('sends one request with the phone number in international form and a stable idempotency key', async () => {
    const server = fakeServer({
      'callbacks.request': () => ({ data: { reference: 'CB-7K3M9Q', dueBy: new Date('2026-11-28T15:00:00Z'), isUrgent: false } }),
    });
    const onSent = renderForm(server);
    await fillIn();
    await userEvent.click(screen.getByLabelText(/I agree to Harbour Referrals calling me/));
    await userEvent.click(screen.getByRole('button', { name: 'Request a callback' }));
    await vi.waitFor(() => expect(onSent).toHaveBeenCalled());
    const sent = server.calls[0]?.input as { phone: string; idempotencyKey: string; consentToContact: boolean; consentToHealthData: boolean };
    expect(sent.phone).toBe('+447400123456');
    expect(sent.consentToContact).toBe(true);
    expect(sent.consentToHealthData).toBe(false);
    expect(sent.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(onSent.mock.calls[0]?.[0]).toMatchObject({ reference: 'CB-7K3M9Q', bestTimeKind: 'asap' });
  });
});
