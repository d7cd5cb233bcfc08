import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Providers } from '../../app/providers';
import { caseRecordFixture } from '../../test/case-record';
import { fakeServer, type FakeServer } from '../../test/fake-server';
import { ContactSection } from './contact-section';
import { FinancesSection } from './finances-section';
import { StageMoveControl } from './stage-move-control';

function renderWith(server: FakeServer, element: React.ReactNode) {
  return render(<Providers trpcClient={server.client}>{element}</Providers>);
}

const conflict = { error: { code: 'CONFLICT', httpStatus: 409, message: 'Tom Price changed the contact details at 28/11/2026 14:03, after you opened it.' } };

describe('contact and consent', () => {
  it('names a bad postcode on its field and sends nothing', async () => {
    const server = fakeServer({});
    renderWith(server, <ContactSection record={caseRecordFixture()} onReload={async () => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: 'Edit contact details' }));
    await userEvent.type(screen.getByLabelText('Postcode'), 'nonsense');
    await userEvent.click(screen.getByRole('button', { name: 'Save contact details' }));
    expect(await screen.findByText('Enter a UK postcode, like SW1A 1AA')).toBeTruthy();
    expect(screen.getByLabelText('Postcode').getAttribute('aria-invalid')).toBe('true');
    expect(server.calls.filter((call) => call.path === 'cases.updateContact')).toEqual([]);
  });

  it('on a conflict, reloads the colleague’s version and still shows what the adviser typed', async () => {
    const server = fakeServer({ 'cases.updateContact': () => conflict });
    const theirs = caseRecordFixture({ contactVersion: 2, postcode: 'M1 1AE' });
    renderWith(server, <ContactSection record={caseRecordFixture()} onReload={async () => theirs} />);
    await userEvent.click(screen.getByRole('button', { name: 'Edit contact details' }));
    await userEvent.type(screen.getByLabelText('Postcode'), 'ls1 4dy');
    await userEvent.click(screen.getByRole('button', { name: 'Save contact details' }));

    const alert = await screen.findByText(/Tom Price changed the contact details/);
    expect(server.calls.find((call) => call.path === 'cases.updateContact')?.input).toMatchObject({ version: 1, contact: { postcode: 'LS1 4DY' } });
    expect((screen.getByLabelText('Postcode') as HTMLInputElement).value).toBe('ls1 4dy');

    await userEvent.click(within(alert.closest('.alert') as HTMLElement).getByRole('button', { name: 'Reload their version' }));
    const unsaved = await screen.findByRole('region', { name: 'Your unsaved answers' });
    expect(within(unsaved).getByText('Postcode').nextSibling?.textContent).toBe('ls1 4dy');
    expect((screen.getByLabelText('Postcode') as HTMLInputElement).value).toBe('M1 1AE');
  });
});

describe('finances', () => {
  it('sends budgets typed in pounds as pence', async () => {
    const server = fakeServer({ 'cases.updateFinances': () => ({ data: { version: 2 } }) });
    renderWith(server, <FinancesSection record={caseRecordFixture()} onReload={async () => undefined} />);
    await userEvent.selectOptions(screen.getByLabelText('Funding route'), 'Self-funded');
    await userEvent.type(screen.getByLabelText('Budget from (£)'), '£1,250.50');
    await userEvent.type(screen.getByLabelText('Budget up to (£)'), '2000');
    await userEvent.click(screen.getByRole('button', { name: 'Save finances' }));
    await screen.findByText(/Finances saved at/);
    expect(server.calls.find((call) => call.path === 'cases.updateFinances')?.input).toMatchObject({
      version: 1,
      finances: { fundingRoute: 'self_funded', budgetMinPence: 125_050, budgetMaxPence: 200_000 },
    });
  });

  it('shows a masked policy number without a field, and never sends the mask back', async () => {
    const server = fakeServer({ 'cases.updateFinances': () => ({ data: { version: 2 } }) });
    const record = caseRecordFixture({ fundingRoute: 'private_medical_insurance', insurer: 'Bupa', policyNumber: '•••• 4821', isPolicyNumberMasked: true });
    renderWith(server, <FinancesSection record={record} onReload={async () => undefined} />);
    expect(screen.getByText('•••• 4821')).toBeTruthy();
    expect(screen.queryByLabelText('Policy number')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Save finances' }));
    await screen.findByText(/Finances saved at/);
    const sent = server.calls.find((call) => call.path === 'cases.updateFinances')?.input as { finances: Record<string, unknown> };
    expect(sent.finances.policyNumber).toBeUndefined();
  });
});

describe('moving a case on', () => {
  it('greys out a move the rules do not allow yet and says what is missing', () => {
    renderWith(fakeServer({}), <StageMoveControl record={caseRecordFixture({ stage: 'assessment', stageFacts: { ...caseRecordFixture().stageFacts, stage: 'assessment' } })} user={{ role: 'adviser' }} />);
    const placement = screen.getByRole('option', { name: 'Placement (not yet)' }) as HTMLOptionElement;
    expect(placement.disabled).toBe(true);
    const refusals = screen.getByRole('list', { name: 'Moves not allowed yet' });
    expect(within(refusals).getByText(/Assessment not complete: no primary substance chosen/)).toBeTruthy();
    expect(within(refusals).getByText(/Only a team lead can move a case back a stage/)).toBeTruthy();
  });
});
