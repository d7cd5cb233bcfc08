import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
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
    renderForm(server);
    await fillIn();
    await userEvent.click(screen.getByLabelText(/I agree to Harbour Referrals calling me/));
    const send = () => userEvent.click(screen.getByRole('button', { name: 'Request a callback' }));

    await send();
    expect(await screen.findByText(/the connection failed/)).toBeTruthy();
    await send();
    await vi.waitFor(() => expect(server.calls).toHaveLength(2));
    const phone = screen.getByLabelText(/Phone number/);
    await userEvent.clear(phone);
    await userEvent.type(phone, '020 7946 0000');
    await send();
    await vi.waitFor(() => expect(server.calls).toHaveLength(3));

    const keys = server.calls.map((call) => (call.input as { idempotencyKey: string }).idempotencyKey);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
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
