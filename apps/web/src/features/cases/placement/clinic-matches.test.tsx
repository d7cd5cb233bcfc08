import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../../test/axe';
import { caseRecordFixture } from '../../../test/case-record';
import { callsTo, fakeServer } from '../../../test/fake-server';
import { assessedCase, clinicFixture, clinicIds, matchFixture } from './placement-fixtures';
import { renderSection } from './placement-test-render';

const kirkstall = clinicFixture();
const pennine = clinicFixture({
  id: clinicIds.pennine,
  name: 'Pennine Lodge',
  region: 'north_west',
  town: 'Manchester',
  rating: 'outstanding',
  programmeLengthsDays: [28, 42, 84],
  weeklyPriceMinPence: 380_000,
  weeklyPriceMaxPence: 560_000,
  isDualDiagnosisCapable: false,
  bedsAvailable: 5,
  bedsTotal: 24,
});
const sherwood = clinicFixture({ id: clinicIds.sherwood, name: 'Sherwood House', region: 'east_midlands', town: 'Nottingham', bedsAvailable: 2 });
const wearside = clinicFixture({ id: clinicIds.wearside, name: 'Wearside Recovery', region: 'north_east', town: 'Sunderland', isDualDiagnosisCapable: false });

const need = {
  primarySubstance: 'alcohol',
  substances: ['alcohol', 'cocaine'],
  isDualDiagnosis: true,
  needsMedicalDetox: true,
  fundingRoute: 'self_funded',
  budgetMaxPence: 1_500_000,
  region: 'yorkshire_and_the_humber',
} as const;

const matched = {
  need,
  hasAssessment: true,
  matches: [
    matchFixture(kirkstall, 95.5, ['In Yorkshire and the Humber, the client’s region', '6 beds free now, confirmed 7 hours ago', 'Within budget: from £14,000.00 for 28 days, budget £15,000.00']),
    matchFixture(pennine, 74, ['In the North West, next to Yorkshire and the Humber', '5 beds free now, confirmed 3 hours ago']),
    matchFixture(sherwood, 70.2, ['In the East Midlands, next to Yorkshire and the Humber']),
    matchFixture(wearside, 61, ['In the North East, next to Yorkshire and the Humber'], ['Excluded because it cannot treat a dual diagnosis']),
  ],
};

async function findClinics(server = fakeServer({ 'clinics.match': () => ({ data: matched }) }), record = assessedCase()) {
  const view = renderSection(server, record);
  await userEvent.click(screen.getByRole('button', { name: 'Find clinics' }));
  await screen.findByRole('heading', { name: '3 clinics can take Jordan Ellis' });
  return { server, ...view };
}

const rankedClinic = (name: string) => screen.getByRole('listitem', { name: new RegExp(name) });

describe('matching clinics to the case', () => {
  it('asks for the case to be in Assessment first', () => {
    renderSection(fakeServer({}), caseRecordFixture());
    expect(screen.getByText(/Move the case to Assessment first/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Find clinics' })).toBeNull();
  });

  it('ranks the clinics with their reasons, shows what was assumed, and keeps the excluded apart with why', async () => {
    const { server } = await findClinics();
    expect(callsTo(server, 'clinics.match')).toEqual([{ caseId: assessedCase().id, travel: 'neighbouring' }]);

    const ranked = within(screen.getAllByRole('list').find((list) => list.classList.contains('ranked-clinics'))!).getAllByRole('heading', { level: 4 });
    expect(ranked.map((heading) => heading.textContent)).toEqual(['1. Kirkstall Grange', '2. Pennine Lodge', '3. Sherwood House']);
    const first = rankedClinic('Kirkstall Grange');
    expect(within(first).getByText('95.5')).toBeTruthy();
    expect(within(within(first).getByRole('list', { name: 'Why Kirkstall Grange ranks here' })).getAllByRole('listitem').map((item) => item.textContent)).toEqual(
      matched.matches[0]!.reasons,
    );
    expect(within(first).getByText('£3,500.00 to £4,800.00 a week')).toBeTruthy();
    expect(within(first).getByText(/6 of 22 free, confirmed 28\/11\/2026 09:00/)).toBeTruthy();
    expect(within(first).getByRole('link', { name: 'Kirkstall Grange' }).getAttribute('href')).toBe(`/clinics/${clinicIds.kirkstall}`);

    const needs = screen.getByRole('heading', { name: 'What this case needs' }).parentElement as HTMLElement;
    expect(within(needs).getByText('Alcohol (primary), Cocaine')).toBeTruthy();
    expect(within(needs).getByText('Needed: withdrawal could be medically dangerous')).toBeTruthy();
    expect(within(needs).getByText('Up to £15,000.00 for the treatment')).toBeTruthy();

    const excluded = screen.getByText('1 clinic excluded').closest('details') as HTMLDetailsElement;
    expect(excluded.open).toBe(false);
    expect(within(excluded).getByText('Excluded because it cannot treat a dual diagnosis')).toBeTruthy();
  });

  it('sends the travel, programme and length chosen', async () => {
    const { server } = await findClinics();
    await userEvent.selectOptions(screen.getByLabelText('How far can they travel?'), 'Only their own region');
    await userEvent.selectOptions(screen.getByLabelText('Programme'), 'Medically managed detox');
    await userEvent.selectOptions(screen.getByLabelText('Length'), '42 days');
    await userEvent.click(screen.getByRole('button', { name: 'Update the list' }));
    await screen.findByRole('button', { name: 'Update the list' });
    expect(callsTo(server, 'clinics.match').at(-1)).toEqual({ caseId: assessedCase().id, travel: 'region', programme: 'medically_managed_detox', lengthDays: 42 });
  });

  it('says matching uses only what is known when no assessment is saved', async () => {
    await findClinics(fakeServer({ 'clinics.match': () => ({ data: { ...matched, hasAssessment: false } }) }));
    expect(screen.getByText(/No assessment is saved yet, so matching uses only what is known/)).toBeTruthy();
  });

  it('compares two clinics side by side and refuses a third', async () => {
    const { container } = await findClinics();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Compare Kirkstall Grange' }));
    expect(screen.getByText('Kirkstall Grange chosen: tick one more clinic to compare them side by side.').getAttribute('role')).toBe('status');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Compare Pennine Lodge' }));

    const table = screen.getByRole('table', { name: 'Kirkstall Grange and Pennine Lodge side by side' });
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['What', 'Kirkstall Grange', 'Pennine Lodge']);
    const row = (label: string) =>
      within(table)
        .getByRole('rowheader', { name: label })
        .closest('tr')!
        .querySelectorAll('td');
    expect([...row('Dual diagnosis')].map((cell) => cell.textContent)).toEqual(['Can treat', 'Cannot treat']);
    expect([...row('Programme lengths')].map((cell) => cell.textContent)).toEqual(['28 or 56 days', '28, 42 or 84 days']);
    expect([...row('Rating')].map((cell) => cell.textContent)).toEqual(['Good (CQC)', 'Outstanding (CQC)']);
    expect(row('Why it ranks here')[1]!.textContent).toContain('In the North West, next to Yorkshire and the Humber');

    const third = screen.getByRole('checkbox', { name: 'Compare Sherwood House' }) as HTMLInputElement;
    expect(third.disabled).toBe(true);
    expect(third.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(third.getAttribute('aria-describedby')!)?.textContent).toBe('Two clinics are already chosen: untick one to compare this one');

    await userEvent.click(screen.getByRole('checkbox', { name: 'Compare Kirkstall Grange' }));
    expect(screen.queryByRole('table')).toBeNull();
    expect((screen.getByRole('checkbox', { name: 'Compare Sherwood House' }) as HTMLInputElement).disabled).toBe(false);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Compare Sherwood House' }));
    expect(screen.getByRole('table', { name: 'Pennine Lodge and Sherwood House side by side' })).toBeTruthy();
    await expectNoAxeViolations(container);
  });
});

describe('proposing a clinic', () => {
  it('starts from residential rehab, the shortest stay and the lowest price, showing the programme price as it is typed', async () => {
    const server = fakeServer({ 'clinics.match': () => ({ data: matched }), 'placements.propose': () => ({ data: { id: 'x', version: 1 } }) });
    await findClinics(server);
    await userEvent.click(within(rankedClinic('Kirkstall Grange')).getByRole('button', { name: 'Propose Kirkstall Grange' }));
    const form = screen.getByRole('form', { name: 'Propose Kirkstall Grange' });
    expect(document.activeElement).toBe(within(form).getByLabelText('Programme'));
    expect((within(form).getByLabelText('Programme') as HTMLSelectElement).value).toBe('residential_rehab');
    expect(within(form).getAllByRole('option').map((option) => option.textContent)).toEqual(['Medically managed detox', 'Residential rehab', '28 days', '56 days']);
    const weekly = within(form).getByLabelText('Weekly price (£)') as HTMLInputElement;
    expect(weekly.value).toBe('3500');
    expect(within(form).getByText('Kirkstall Grange charges £3,500.00 to £4,800.00 a week')).toBeTruthy();
    expect(within(form).getByRole('status').textContent).toBe('Programme price: £14,000.00 for 28 days. Within the budget of £15,000.00.');

    await userEvent.selectOptions(within(form).getByLabelText('Length'), '56 days');
    await userEvent.clear(weekly);
    await userEvent.type(weekly, '3,900');
    expect(within(form).getByRole('status').textContent).toBe('Programme price: £31,200.00 for 56 days. £16,200.00 over the budget of £15,000.00.');

    await userEvent.click(within(form).getByRole('button', { name: 'Propose this clinic' }));
    expect(await screen.findByText(/Kirkstall Grange proposed: residential rehab for 56 days at £3,900.00 a week/)).toBeTruthy();
    expect(callsTo(server, 'placements.propose')).toEqual([
      { caseId: assessedCase().id, clinicId: clinicIds.kirkstall, programme: 'residential_rehab', lengthDays: 56, weeklyPricePence: 390_000 },
    ]);
  });

  it('takes the programme and length searched for when the clinic offers them', async () => {
    const server = fakeServer({ 'clinics.match': () => ({ data: matched }) });
    renderSection(server, assessedCase());
    await userEvent.selectOptions(screen.getByLabelText('Programme'), 'Medically managed detox');
    await userEvent.selectOptions(screen.getByLabelText('Length'), '56 days');
    await userEvent.click(screen.getByRole('button', { name: 'Find clinics' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Propose Kirkstall Grange' }));
    const form = screen.getByRole('form', { name: 'Propose Kirkstall Grange' });
    expect((within(form).getByLabelText('Programme') as HTMLSelectElement).value).toBe('medically_managed_detox');
    expect((within(form).getByLabelText('Length') as HTMLSelectElement).value).toBe('56');
  });

  it('puts the server’s refusal on the weekly price, keeping everything typed', async () => {
    const message = "Weekly price must be within Kirkstall Grange's range, £3,500.00 to £4,800.00; a manager can change the range in the directory";
    const server = fakeServer({
      'clinics.match': () => ({ data: matched }),
      'placements.propose': () => ({ error: { code: 'BAD_REQUEST', httpStatus: 400, message, fieldErrors: { weeklyPricePence: message } } }),
    });
    await findClinics(server);
    await userEvent.click(screen.getByRole('button', { name: 'Propose Kirkstall Grange' }));
    const form = screen.getByRole('form', { name: 'Propose Kirkstall Grange' });
    await userEvent.selectOptions(within(form).getByLabelText('Length'), '56 days');
    const weekly = within(form).getByLabelText('Weekly price (£)') as HTMLInputElement;
    await userEvent.clear(weekly);
    await userEvent.type(weekly, '5000');
    await userEvent.click(within(form).getByRole('button', { name: 'Propose this clinic' }));

    expect(await within(form).findByText(message)).toBeTruthy();
    expect(weekly.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(weekly);
    expect(weekly.value).toBe('5000');
    expect((within(form).getByLabelText('Length') as HTMLSelectElement).value).toBe('56');
  });

  it('takes the adviser to the weekly price when it is left empty, sending nothing', async () => {
    const server = fakeServer({ 'clinics.match': () => ({ data: matched }) });
    await findClinics(server);
    await userEvent.click(screen.getByRole('button', { name: 'Propose Kirkstall Grange' }));
    const form = screen.getByRole('form', { name: 'Propose Kirkstall Grange' });
    const weekly = within(form).getByLabelText('Weekly price (£)');
    await userEvent.clear(weekly);
    await userEvent.click(within(form).getByRole('button', { name: 'Propose this clinic' }));

    expect(await within(form).findByText('Weekly price must be an amount in pounds')).toBeTruthy();
    expect(document.activeElement).toBe(weekly);
    expect(callsTo(server, 'placements.propose')).toEqual([]);
  });

  it('tells of a placement proposed meanwhile, with a reload', async () => {
    const message = 'This case already has a placement at Pennine Lodge (proposed), proposed by Tom Price at 28/11/2026 14:03. Cancel it before proposing another.';
    const server = fakeServer({
      'clinics.match': () => ({ data: matched }),
      'placements.propose': () => ({ error: { code: 'CONFLICT', httpStatus: 409, message } }),
    });
    await findClinics(server);
    await userEvent.click(screen.getByRole('button', { name: 'Propose Kirkstall Grange' }));
    await userEvent.click(screen.getByRole('button', { name: 'Propose this clinic' }));
    const alert = (await screen.findByText(message)).closest('.alert') as HTMLElement;
    expect(within(alert).getByRole('button', { name: 'Reload' })).toBeTruthy();
  });

  it('closes the form and returns to the clinic’s Propose button', async () => {
    await findClinics();
    await userEvent.click(screen.getByRole('button', { name: 'Propose Pennine Lodge' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'Propose Pennine Lodge' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Propose Pennine Lodge' }));
  });

  it('lets a colleague see the matches but not propose', async () => {
    await findClinics(undefined, assessedCase({ canChange: false, assignedAdviserName: 'Tom Price' }));
    expect(screen.getByRole('checkbox', { name: 'Compare Pennine Lodge' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Propose/ })).toBeNull();
  });
});
