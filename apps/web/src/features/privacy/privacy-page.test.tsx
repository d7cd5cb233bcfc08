import { CONSENT_TO_CONTACT_TEXT, CONSENT_TO_HEALTH_DATA_TEXT } from '@harbour/shared/callbacks';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { callsTo, fakeServer } from '../../test/fake-server';
import { renderWithProviders } from '../../test/render-with-providers';
import { PrivacyPage } from './privacy-page';

const OPENED = new Date('2026-07-14T09:05:00Z');

const found = {
  subject: { reference: 'H-2026-00042', stage: 'closed', callerName: 'Pat Morgan', clientName: 'Chris Morgan', openedAt: OPENED, erasedAt: null, contactWithdrawnOn: null },
  otherCases: [{ reference: 'H-2026-00007', stage: 'enquiry', callerName: 'Pat Morgan', clientName: null, openedAt: new Date('2026-01-02T10:00:00Z') }],
};

const heldCase = {
  reference: 'H-2026-00042',
  stage: 'closed',
  origin: 'callback',
  clientName: 'Chris Morgan',
  dateOfBirth: '1981-02-03',
  callerName: 'Pat Morgan',
  callerRelation: 'loved_one',
  relationDetail: 'sister',
  phone: '+447400111222',
  email: 'pat@example.org',
  postcode: 'M1 1AA',
  region: 'north_west',
  preferredContactTimes: 'evenings',
  safeToLeaveVoicemail: false,
  safeToSayWhoWeAre: true,
  substances: ['alcohol'],
  urgencyReason: null,
  consentToContact: true,
  consentToContactText: CONSENT_TO_CONTACT_TEXT,
  consentToHealthData: true,
  consentToHealthDataText: CONSENT_TO_HEALTH_DATA_TEXT,
  consentedAt: OPENED,
  healthDataConsentAt: OPENED,
  contactWithdrawnOn: null,
  contactWithdrawnVia: null,
  assessment: { substances: [] },
  primarySubstance: 'alcohol',
  criteriaMet: 7,
  severity: 'severe',
  auditScore: null,
  riskLevel: 'medium',
  isDualDiagnosis: false,
  fundingRoute: 'self_funded',
  budgetMinPence: null,
  budgetMaxPence: 2_000_000,
  insurer: null,
  policyNumber: null,
  whoPays: 'Her father',
  financeNotes: null,
  nextAction: null,
  nextActionDueAt: null,
  closureReason: 'completed',
  openedAt: OPENED,
  stageChangedAt: OPENED,
  erasedAt: null,
  assignedAdviserName: 'Amira Shah',
  stageHistory: [{ at: new Date('2026-07-15T14:30:00Z'), from: 'enquiry', to: 'assessment', closureReason: null, byName: 'Amira Shah' }],
  history: [],
  notes: [{ body: 'Chris drinks every day', at: new Date('2026-07-14T09:10:00Z'), byName: 'Amira Shah' }],
  callbackRequests: [
    {
      reference: 'CB-7K2M9Q',
      fullName: 'Pat Morgan',
      phone: '+447400111222',
      email: null,
      forWhom: 'loved_one',
      bestTimeKind: 'asap',
      bestTimeAt: null,
      substances: ['alcohol'],
      message: 'Please call after six',
      immediateDanger: false,
      consentToContact: true,
      consentToHealthData: true,
      requestedAt: OPENED,
      status: 'case_opened',
      followsWithdrawalOn: null,
      attempts: [{ outcome: 'answered', notes: 'Spoke to Pat', callBackAt: null, at: OPENED, byName: 'Amira Shah' }],
    },
  ],
  crises: [],
  placements: [],
  aftercarePlan: null,
  checkIns: [],
};

const report = {
  generatedAt: new Date('2026-11-28T12:00:00Z'),
  references: ['H-2026-00042'],
  cases: [heldCase],
  requestsWithoutCase: [],
  access: [{ at: new Date('2026-11-28T11:59:00Z'), action: 'cases.viewed', byName: 'Amira Shah', record: 'H-2026-00042' }],
};

const retention = { lastRun: { ranAt: new Date('2026-11-28T03:00:00Z'), closedBefore: new Date('2020-11-28T03:00:00Z'), casesAnonymised: 3, requestsAnonymised: 5 } };

function renderPage(replies: Parameters<typeof fakeServer>[0], at = '/privacy') {
  const server = fakeServer({ 'privacy.retentionStatus': () => ({ data: retention }), ...replies });
  const view = renderWithProviders(server, <PrivacyPage />, { path: '/privacy', at });
  return { server, ...view };
}

describe('the privacy page', () => {
  it('finds the person by reference and offers their other cases, with the last retention run', async () => {
    const { server, container } = renderPage({ 'privacy.findSubject': () => ({ data: found }) });
    expect(await screen.findByText('Retention job last ran 28/11/2026 03:00: anonymised 3 cases closed before 28/11/2020 and 5 callback requests.')).toBeTruthy();

    await userEvent.type(screen.getByLabelText('Case reference'), 'h-2026-00042');
    await userEvent.click(screen.getByRole('button', { name: 'Find' }));

    expect(await screen.findByRole('heading', { name: /Pat Morgan about Chris Morgan/ })).toBeTruthy();
    expect(screen.getByText('Closed, opened 14/07/2026')).toBeTruthy();
    const other = screen.getByLabelText('H-2026-00007: Pat Morgan, Enquiry, opened 02/01/2026');
    expect(callsTo(server, 'privacy.findSubject')).toEqual([{ reference: 'H-2026-00042' }]);
    await userEvent.click(other);
    expect(screen.getByRole('link', { name: 'Download as JSON' }).getAttribute('href')).toBe('/api/privacy/subject-access/H-2026-00042.json?also=H-2026-00007');
    await expectNoAxeViolations(container);
  });

  it('says so when a reference is mistyped, before asking the server', async () => {
    const { server } = renderPage({});
    await userEvent.type(screen.getByLabelText('Case reference'), 'H42');
    await userEvent.click(screen.getByRole('button', { name: 'Find' }));
    expect(await screen.findByText('Case references look like H-2026-00042')).toBeTruthy();
    expect(callsTo(server, 'privacy.findSubject')).toEqual([]);
  });

  it("shows the server's answer when there is no such case, with a way to try again", async () => {
    renderPage({ 'privacy.findSubject': () => ({ error: { code: 'NOT_FOUND', httpStatus: 404, message: 'There is no case H-2026-00099' } }) }, '/privacy?reference=H-2026-00099');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('There is no case H-2026-00099')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('shows everything held as a readable page: contact and consents, stage history, notes, calls, and who looked', async () => {
    const { container, server } = renderPage(
      { 'privacy.findSubject': () => ({ data: found }), 'privacy.subjectAccess': () => ({ data: report }) },
      '/privacy?reference=H-2026-00042&show=access',
    );
    const answer = await screen.findByRole('article', { name: 'What Harbour holds' });
    expect(within(answer).getByRole('heading', { name: 'Case H-2026-00042: Closed, opened 14/07/2026' })).toBeTruthy();
    expect(within(answer).getByText('03/02/1981')).toBeTruthy();
    expect(within(answer).getByText('Pat Morgan (Loved one, sister)', { exact: false })).toBeTruthy();
    expect(within(answer).getByText('15/07/2026 15:30')).toBeTruthy();
    expect(within(answer).getByText('Chris drinks every day')).toBeTruthy();
    expect(within(answer).getByText('Please call after six')).toBeTruthy();
    expect(within(answer).getByText('14/07/2026 10:05 Amira Shah: answered, "Spoke to Pat"')).toBeTruthy();
    expect(within(answer).getByRole('heading', { name: 'Who has looked at or changed the record' })).toBeTruthy();
    expect(within(answer).getByText('Looked at the case')).toBeTruthy();
    expect(within(answer).getByText('07400 111222')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();
    expect(callsTo(server, 'privacy.subjectAccess')).toEqual([{ reference: 'H-2026-00042', alsoInclude: [] }]);
    await expectNoAxeViolations(container);
  });

  it('erases only once the reference is typed and a reason chosen, then says what was erased', async () => {
    const erased = { ...found, subject: { ...found.subject, callerName: 'Erased', clientName: null, erasedAt: new Date('2026-11-28T12:00:00Z') }, otherCases: [] };
    let isErased = false;
    const { server, container } = renderPage(
      {
        'privacy.findSubject': () => ({ data: isErased ? erased : found }),
        'privacy.erase': () => {
          isErased = true;
          return { data: { erasedCases: 1, erasedRequests: 2 } };
        },
      },
      '/privacy?reference=H-2026-00042',
    );
    const form = await screen.findByRole('form', { name: 'Erase this person' });
    await userEvent.click(within(form).getByRole('button', { name: 'Erase for good' }));
    expect(await within(form).findByText('Choose the reason for erasing')).toBeTruthy();
    await userEvent.selectOptions(within(form).getByLabelText('Reason'), 'The person asked us to erase their details');
    await userEvent.type(within(form).getByLabelText('Type H-2026-00042 to confirm'), 'H-2026-00043');
    await userEvent.click(within(form).getByRole('button', { name: 'Erase for good' }));
    expect(await within(form).findByText('Type the case reference exactly to confirm')).toBeTruthy();
    expect(callsTo(server, 'privacy.erase')).toEqual([]);
    await expectNoAxeViolations(container);

    await userEvent.clear(within(form).getByLabelText('Type H-2026-00042 to confirm'));
    await userEvent.type(within(form).getByLabelText('Type H-2026-00042 to confirm'), 'H-2026-00042');
    await userEvent.click(within(form).getByRole('button', { name: 'Erase for good' }));

    expect(await screen.findByText(/Erased: 1 case and 2 callback requests/)).toBeTruthy();
    expect(callsTo(server, 'privacy.erase')).toEqual([{ reference: 'H-2026-00042', alsoInclude: [], confirmReference: 'H-2026-00042', reason: 'person_asked' }]);
    expect(await screen.findByText('. Erased on 28/11/2026')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Erase this person' })).toBeNull();
  });

  it('records withdrawal of consent to contact, then shows "Do not contact"', async () => {
    let isWithdrawn = false;
    const { server } = renderPage(
      {
        'privacy.findSubject': () => ({ data: { ...found, subject: { ...found.subject, contactWithdrawnOn: isWithdrawn ? '2026-11-27' : null } } }),
        'privacy.withdrawContactConsent': () => {
          isWithdrawn = true;
          return { data: { closedRequests: 1 } };
        },
      },
      '/privacy?reference=H-2026-00042',
    );
    const form = await screen.findByRole('form', { name: 'Record withdrawal of consent to contact' });
    await userEvent.type(within(form).getByLabelText('Date they told us'), '27/11/2026');
    await userEvent.selectOptions(within(form).getByLabelText('How they told us'), 'By phone');
    await userEvent.click(within(form).getByRole('button', { name: 'Record: do not contact' }));

    expect(await screen.findByText('Recorded: do not contact. 1 waiting callback request was closed.')).toBeTruthy();
    expect(callsTo(server, 'privacy.withdrawContactConsent')).toEqual([{ reference: 'H-2026-00042', withdrawnOn: '2026-11-27', via: 'phone' }]);
    expect(await screen.findByText('Do not contact: they withdrew consent to be contacted on 27/11/2026.')).toBeTruthy();
  });
});
