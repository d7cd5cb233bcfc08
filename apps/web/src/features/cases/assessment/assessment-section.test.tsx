import { criteria } from '@harbour/shared/assessment';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Providers } from '../../../app/providers';
import { fakeServer, type FakeServer } from '../../../test/fake-server';
import { AssessmentSection } from './assessment-section';
import type { AssessmentAnswers, AssessmentRecord } from './assessment-values';
import { assessmentDraftKey, clearAllDrafts } from './drafts';

const caseId = '0b7f8c1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b';
const draftKey = assessmentDraftKey('user-1', caseId);

function caseRecord(overrides: Partial<AssessmentRecord> = {}): AssessmentRecord {
  return { id: caseId, reference: 'H-2026-00042', assessment: null, assessmentVersion: 3, consentToHealthData: true, canChange: true, ...overrides };
}

function renderSection(server: FakeServer, record = caseRecord()) {
  const onLiveRisk = vi.fn();
  const onSaved = vi.fn();
  const view = render(
    <Providers trpcClient={server.client}>
      <AssessmentSection record={record} userId="user-1" onLiveRisk={onLiveRisk} onSaved={onSaved} />
    </Providers>,
  );
  return { ...view, onLiveRisk, onSaved };
}

const part = (name: string) => screen.getByRole('region', { name });
const question = (name: string | RegExp) => screen.getByRole('group', { name });
const answer = (name: string | RegExp, option: string) => userEvent.click(within(question(name)).getByRole('radio', { name: option }));
const criterion = (id: string) => criteria.find((item) => item.id === id)!.question;
const chooseSubstance = (index: number, label: string) => userEvent.selectOptions(screen.getAllByLabelText('Substance')[index]!, label);

// Stored JSON leaves out what was not answered, where the output type lists every key.
const stored = (answers: Partial<AssessmentAnswers>) =>
  ({ substances: [], criteria: {}, audit: {}, conditions: [], risk: {}, previousTreatments: [], ...answers }) as unknown as AssessmentRecord['assessment'];

const saved = { version: 4, primarySubstance: 'alcohol', criteriaMet: 0, severity: null, riskLevel: 'low', auditScore: null, isDualDiagnosis: false, isComplete: false };

afterEach(() => localStorage.clear());
// A form unmounted after the clean-up above flushes its draft: start each test without it.
beforeEach(() => localStorage.clear());

describe('the assessment section', () => {
  it('shows the severity band as criteria are ticked, announced politely', async () => {
    renderSection(fakeServer({}));
    const live = within(part('Severity')).getByText(/of the 11 questions answered yet/);
    expect(live.getAttribute('aria-live')).toBe('polite');
    for (const id of ['larger_amounts', 'cutting_down', 'craving', 'tolerance']) await answer(criterion(id), 'Yes');
    await answer(criterion('withdrawal'), 'No');
    expect(live.textContent).toBe('4 of 11 met so far: Moderate');
    expect(within(screen.getByRole('complementary', { name: 'Summary' })).getByText('4 of 11 met so far: Moderate')).toBeTruthy();
  });

  it('asks the AUDIT only when alcohol is among the substances, and scores it', async () => {
    renderSection(fakeServer({}));
    expect(screen.queryByRole('region', { name: 'Alcohol: AUDIT' })).toBeNull();
    await chooseSubstance(0, 'Alcohol');
    const audit = part('Alcohol: AUDIT');
    await answer('How often do you have a drink containing alcohol?', '4 or more times a week');
    await answer(/How often during the last year have you needed an alcoholic drink in the morning/, 'Daily or almost daily');
    expect(within(audit).getByRole('status').textContent).toBe('Score 8 of 40 so far: Increasing risk (2 of 10 answered)');
    await chooseSubstance(0, 'Cocaine');
    expect(screen.queryByRole('region', { name: 'Alcohol: AUDIT' })).toBeNull();
  });

  it('reports an immediate risk to the page when thoughts of suicide come with a plan', async () => {
    const { onLiveRisk } = renderSection(fakeServer({}));
    expect(onLiveRisk).toHaveBeenLastCalledWith({ level: null, reasons: [] });
    await answer('Thoughts of suicide', 'Yes, with a plan or intent to act');
    expect(onLiveRisk).toHaveBeenLastCalledWith({ level: 'immediate', reasons: ['Thoughts of suicide with a plan or intent to act.'] });
    expect(within(part('Risk')).getByText('Immediate')).toBeTruthy();
  });

  it('shows risky withdrawal answered by daily drinking, and the level it brings', async () => {
    const { onLiveRisk } = renderSection(fakeServer({}));
    await chooseSubstance(0, 'Alcohol');
    await userEvent.selectOptions(screen.getByLabelText('How often'), 'Every day');
    const withdrawal = question(/Withdrawal could be medically dangerous/);
    expect(within(withdrawal).getByText('Answered yes by the substances above: Alcohol every day.')).toBeTruthy();
    expect(within(withdrawal).getByRole<HTMLInputElement>('radio', { name: 'Yes' }).checked).toBe(true);
    expect(onLiveRisk).toHaveBeenLastCalledWith({ level: 'high', reasons: ['Withdrawal could cause seizures: detox must be medically managed.'] });
  });

  it('saves with the version it read, then with the new one, by button or Ctrl+S', async () => {
    const server = fakeServer({ 'cases.updateAssessment': (input) => ({ data: { ...saved, version: (input as { version: number }).version + 1 } }) });
    const { onSaved } = renderSection(server);
    await chooseSubstance(0, 'Alcohol');
    await answer(criterion('craving'), 'Yes');
    await userEvent.click(screen.getByRole('button', { name: 'Save assessment' }));
    expect(await screen.findByText(/^Saved at \d\d:\d\d$/)).toBeTruthy();
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect(server.calls[0]).toMatchObject({
      path: 'cases.updateAssessment',
      input: { id: caseId, version: 3, substances: [{ substance: 'alcohol', isPrimary: true }], criteria: { craving: true } },
    });

    await userEvent.type(screen.getByLabelText('How much'), '3 cans');
    await userEvent.type(screen.getByLabelText(/Last use/), '1/2/2024');
    expect(screen.getByLabelText<HTMLInputElement>(/Last use/).value).toBe('01/02/2024');
    await userEvent.keyboard('{Control>}s{/Control}');
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledTimes(2));
    expect(server.calls[1]?.input).toMatchObject({ version: 4, substances: [{ amount: '3 cans', lastUse: '2024-02-01' }] });
  });

  it('saves early in a call without the empty substance row it starts with', async () => {
    const server = fakeServer({ 'cases.updateAssessment': () => ({ data: saved }) });
    renderSection(server);
    await answer('Pregnant', 'No');
    await userEvent.click(screen.getByRole('button', { name: 'Save assessment' }));
    await vi.waitFor(() => expect(server.calls).toHaveLength(1));
    expect(server.calls[0]?.input).toMatchObject({ substances: [], risk: { pregnancy: false } });
  });

  it("puts the server's field errors on their fields and keeps what was typed", async () => {
    const server = fakeServer({
      'cases.updateAssessment': () => ({
        error: { code: 'BAD_REQUEST', httpStatus: 400, message: 'Check the answers', fieldErrors: { 'substances.0.amount': 'Amount must not contain HTML or other markup' } },
      }),
    });
    renderSection(server);
    await chooseSubstance(0, 'Alcohol');
    await userEvent.type(screen.getByLabelText('How much'), 'a lot');
    await userEvent.click(screen.getByRole('button', { name: 'Save assessment' }));
    expect(await screen.findByText('Amount must not contain HTML or other markup')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('How much').value).toBe('a lot');
    expect(screen.getByLabelText('How much').getAttribute('aria-invalid')).toBe('true');
  });

  it('keeps the answers and the draft when a save meets a database outage, says so, and saves them with their version once Harbour is back', async () => {
    const outageMessage = "Harbour can't reach its database; nothing you entered is lost.";
    let isDatabaseBack = false;
    const server = fakeServer({
      'cases.updateAssessment': (input) =>
        isDatabaseBack
          ? { data: { ...saved, version: (input as { version: number }).version + 1 } }
          : { error: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503, message: outageMessage } },
    });
    const { onSaved } = renderSection(server);
    await chooseSubstance(0, 'Alcohol');
    await answer(criterion('craving'), 'Yes');
    await userEvent.click(screen.getByRole('button', { name: 'Save assessment' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(outageMessage);
    expect(alert.textContent).toContain('will be saved as soon as Harbour can be reached');
    expect(screen.queryByText(/Something went wrong/)).toBeNull();
    expect(screen.getAllByLabelText<HTMLSelectElement>('Substance')[0]?.value).toBe('alcohol');
    await vi.waitFor(() => expect(localStorage.getItem(draftKey)).toContain('craving'));
    expect(onSaved).not.toHaveBeenCalled();

    isDatabaseBack = true;
    expect(await screen.findByText(/^Saved at \d\d:\d\d$/, undefined, { timeout: 6_000 })).toBeTruthy();
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(outageMessage, { exact: false })).toBeNull();
    const saves = server.calls.filter((call) => call.path === 'cases.updateAssessment');
    expect(saves.length).toBeGreaterThan(1);
    for (const call of saves) expect(call.input).toMatchObject({ version: 3, criteria: { craving: true } });
    await vi.waitFor(() => expect(localStorage.getItem(draftKey)).toBeNull());
  });

  it("explains a conflict, reloads their version and lists this adviser's answers that differ", async () => {
    const message = 'Sam Okafor changed the assessment at 28/11/2026 14:05, after you opened it. Reload to see their change; what you typed stays on screen.';
    const theirs = stored({ substances: [{ substance: 'alcohol', isPrimary: true }], criteria: { craving: false } });
    let version = 3;
    const server = fakeServer({
      'cases.updateAssessment': (input) =>
        (input as { version: number }).version === version ? { data: { ...saved, version: version + 1 } } : { error: { code: 'CONFLICT', httpStatus: 409, message } },
      'cases.byReference': () => ({ data: { ...caseRecord(), assessment: theirs, assessmentVersion: version } }),
    });
    version = 5;
    renderSection(server);
    await chooseSubstance(0, 'Alcohol');
    await userEvent.click(screen.getByRole('button', { name: 'Add substance' }));
    expect(document.activeElement).toBe(screen.getAllByLabelText('Substance')[1]);
    await chooseSubstance(1, 'Cocaine');
    await answer(criterion('craving'), 'Yes');
    await userEvent.click(screen.getByRole('button', { name: 'Save assessment' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(message);
    expect(screen.getAllByLabelText<HTMLSelectElement>('Substance').map((select) => select.value)).toEqual(['alcohol', 'cocaine']);
    await userEvent.click(within(alert).getByRole('button', { name: 'Reload their version' }));

    const unsaved = await screen.findByRole('region', { name: 'Your unsaved answers' });
    const lines = within(unsaved).getAllByRole('term').map((term) => `${term.textContent}: ${term.nextElementSibling?.textContent}`);
    expect(lines).toEqual(['Substances: Alcohol (primary), Cocaine', 'Cravings: Yes']);
    expect(within(question(criterion('craving'))).getByRole<HTMLInputElement>('radio', { name: 'No' }).checked).toBe(true);
    expect(screen.getAllByLabelText('Substance')).toHaveLength(1);

    await userEvent.click(screen.getByRole('button', { name: 'Save assessment' }));
    await vi.waitFor(() => expect(server.calls.filter((call) => call.path === 'cases.updateAssessment')).toHaveLength(2));
    expect(server.calls.at(-1)?.input).toMatchObject({ version: 5 });
  });

  it('offers the unsaved answers left from before, and restores them', async () => {
    const first = renderSection(fakeServer({}));
    await chooseSubstance(0, 'Alcohol');
    await answer(criterion('craving'), 'Yes');
    await vi.waitFor(() => expect(JSON.parse(localStorage.getItem(draftKey) ?? '{}')).toMatchObject({ baseVersion: 3, answers: { criteria: { craving: true } } }));
    first.unmount();

    renderSection(fakeServer({}));
    expect(screen.getByText(/^You have unsaved answers from \d\d:\d\d\.$/)).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>('Substance').value).toBe('');
    await userEvent.click(screen.getByRole('button', { name: 'Restore them' }));
    expect(screen.getByLabelText<HTMLSelectElement>('Substance').value).toBe('alcohol');
    expect(within(question(criterion('craving'))).getByRole<HTMLInputElement>('radio', { name: 'Yes' }).checked).toBe(true);
    expect(screen.queryByText(/You have unsaved answers/)).toBeNull();
  });

  it('writes no draft once every draft has been cleared at sign-out, even with typing not yet written', async () => {
    const view = renderSection(fakeServer({}));
    await answer(criterion('craving'), 'Yes');
    clearAllDrafts();
    view.unmount();
    expect(localStorage.length).toBe(0);
  });

  it('forgets a discarded draft', async () => {
    localStorage.setItem(draftKey, JSON.stringify({ baseVersion: 3, savedAt: new Date().toISOString(), answers: stored({ criteria: { craving: true } }) }));
    renderSection(fakeServer({}));
    await userEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect(localStorage.getItem(draftKey)).toBeNull();
    expect(within(question(criterion('craving'))).getByRole<HTMLInputElement>('radio', { name: 'Yes' }).checked).toBe(false);
  });

  it('asks for consent to health data before showing the form', () => {
    renderSection(fakeServer({}), caseRecord({ consentToHealthData: false }));
    expect(screen.getByText(/Record the client’s consent to us keeping health information first/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save assessment' })).toBeNull();
  });

  it("shows someone else's case read-only", () => {
    renderSection(
      fakeServer({}),
      caseRecord({ canChange: false, assessment: stored({ substances: [{ substance: 'heroin', isPrimary: true, route: 'injected' }] }) }),
    );
    expect(screen.getByText(/assigned to someone else/)).toBeTruthy();
    expect(screen.getByLabelText('Substance').matches(':disabled')).toBe(true);
    expect(screen.getByLabelText<HTMLSelectElement>('Substance').value).toBe('heroin');
    expect(screen.queryByRole('button', { name: 'Save assessment' })).toBeNull();
    expect(within(question('Injects drugs')).getByText('Answered yes by the substances above: Heroin injected.')).toBeTruthy();
  });

  it('has no accessibility problems axe can find', async () => {
    const { container } = renderSection(fakeServer({}));
    await chooseSubstance(0, 'Alcohol');
    await userEvent.click(screen.getByRole('button', { name: 'Add condition' }));
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
