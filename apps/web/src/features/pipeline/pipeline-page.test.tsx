import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { createMemoryRouter, RouterProvider } from 'react-router';
import superjson from 'superjson';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Providers } from '../../app/providers';
import { fakeServer, type FakeServer } from '../../test/fake-server';
import { assessmentMoveOptions, boardCard, boardOf, staff } from './board-fixtures';
import { PipelinePage } from './pipeline-page';
import type { BoardCard, BoardData } from './use-board';

/** The browser's end of cases.onChange: the test says when a colleague changed a case. */
class FakeEventSource extends EventTarget {
  static latest: FakeEventSource | undefined;
  readonly CLOSED = 2;
  readyState = 0;
  constructor(readonly url: string) {
    super();
    FakeEventSource.latest = this;
    queueMicrotask(() => {
      this.readyState = 1;
      this.dispatchEvent(new MessageEvent('connected', { data: '{}' }));
    });
  }
  close() {
    this.readyState = this.CLOSED;
  }
  caseChanged(id: string) {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(superjson.serialize({ topic: 'cases', id })) }));
  }
}

beforeEach(() => {
  vi.stubGlobal('EventSource', FakeEventSource);
  // jsdom lays nothing out: give each column room for four cards of 200px, as a screen would.
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(800);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(200);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  FakeEventSource.latest = undefined;
});

const enquiry = boardCard({ stage: 'enquiry', clientName: null, callerName: 'Priya Patel', assignedAdviserId: null, assignedAdviserName: null, riskLevel: null, severity: null, nextAction: null, nextActionDueAt: null });
const assessed = boardCard({
  stage: 'assessment',
  version: 7,
  riskLevel: 'high',
  severity: 'severe',
  isDualDiagnosis: true,
  nextAction: 'Ring the GP about the detox letter',
  nextActionDueAt: new Date(Date.now() - 125 * 60_000),
});
const placed = boardCard({ stage: 'placement', clientName: 'Craig Robson' });

type Reply = ReturnType<Parameters<typeof fakeServer>[0][string]>;

function renderBoard({ at = '/pipeline', board = boardOf([enquiry, assessed, placed]), replies = {} }: { at?: string; board?: BoardData | ((input: unknown) => BoardData); replies?: Record<string, (input: unknown) => Reply> } = {}) {
  const server = fakeServer({
    'pipeline.board': (input) => ({ data: typeof board === 'function' ? board(input) : board }),
    'users.listActive': () => ({ data: staff }),
    'pipeline.moveOptions': () => ({ data: assessmentMoveOptions(assessed) }),
    ...replies,
  });
  const router = createMemoryRouter([{ path: '/pipeline', element: <PipelinePage /> }], { initialEntries: [at] });
  const view = render(
    <Providers trpcClient={server.client}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return { server, router, ...view };
}

const callsTo = (server: FakeServer, path: string) => server.calls.filter((call) => call.path === path).map((call) => call.input);
const cardIn = (list: HTMLElement, reference: string) => within(list).getByRole('article', { name: new RegExp(reference) });
const moveButton = (card: BoardCard) => screen.getByRole('button', { name: `Move ${card.reference}` });

describe('the pipeline board', () => {
  it('shows a column per stage, named with its count, and what a team lead needs on each card', async () => {
    renderBoard({ board: boardOf([enquiry, assessed, placed], { counts: { enquiry: 12 } }) });
    const enquiries = await screen.findByRole('list', { name: 'Enquiry, 12 cases' });
    expect(screen.getByRole('list', { name: 'Assessment, 1 case' })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Placement, 1 case' })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Aftercare, 0 cases' })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Closed, 0 cases' })).toBeTruthy();

    // No client name yet: the caller's, said to be so; nobody has it; nothing assessed or planned.
    const first = cardIn(enquiries, enquiry.reference);
    expect(within(first).getByRole('link', { name: enquiry.reference }).getAttribute('href')).toBe(`/cases/${enquiry.reference}`);
    expect(within(first).getByText('Priya Patel')).toBeTruthy();
    expect(within(first).getByText('(caller)')).toBeTruthy();
    expect(within(first).getByText('Unassigned')).toBeTruthy();
    expect(within(first).getByText('Risk not assessed')).toBeTruthy();
    expect(within(first).getByText('No next action')).toBeTruthy();
    // Two days in Enquiry is past the two the board allows.
    expect(within(first).getByText(/days in stage \(stale\)/)).toBeTruthy();

    const second = cardIn(screen.getByRole('list', { name: 'Assessment, 1 case' }), assessed.reference);
    expect(within(second).getByText('Jordan Ellis')).toBeTruthy();
    expect(within(second).getByText('Amira Shah')).toBeTruthy();
    expect(within(second).getByText('Risk: High')).toBeTruthy();
    expect(within(second).getByText('Severity: Severe')).toBeTruthy();
    expect(within(second).getByText('Dual diagnosis')).toBeTruthy();
    expect(within(second).getByText('Ring the GP about the detox letter')).toBeTruthy();
    expect(within(second).getByText('overdue by 2 h 5 min').className).toContain('due--overdue');
  });

  it('puts each filter in the address and in what it asks the server for', async () => {
    const { server, router } = renderBoard();
    await screen.findByRole('list', { name: 'Enquiry, 1 case' });

    await userEvent.selectOptions(screen.getByLabelText('Adviser'), 'Unassigned');
    await userEvent.selectOptions(screen.getByLabelText('Region'), 'North West');
    await userEvent.selectOptions(screen.getByLabelText('Substance'), 'Ketamine');
    await userEvent.selectOptions(screen.getByLabelText('Risk'), 'High');
    await userEvent.selectOptions(screen.getByLabelText('Funding route'), 'Self-funded');
    await userEvent.click(screen.getByLabelText('No next action'));
    await userEvent.click(screen.getByLabelText('Next action overdue'));
    await userEvent.type(screen.getByLabelText('In stage more than (days)'), '5');
    await userEvent.tab();

    const expected = {
      adviserId: 'unassigned',
      region: 'north_west',
      substance: 'ketamine',
      risk: 'high',
      fundingRoute: 'self_funded',
      noNextAction: true,
      nextActionOverdue: true,
      minDaysInStage: 5,
    };
    await waitFor(() => expect(callsTo(server, 'pipeline.board').at(-1)).toEqual(expected));
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
      adviser: 'unassigned',
      region: 'north_west',
      substance: 'ketamine',
      risk: 'high',
      funding: 'self_funded',
      'no-next-action': 'yes',
      overdue: 'yes',
      days: '5',
    });

    await userEvent.click(screen.getByRole('link', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect((screen.getByLabelText('In stage more than (days)') as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('link', { name: 'Clear filters' })).toBeNull();
  });

  it('opens a shared view with its filters, leaving out any the server would refuse', async () => {
    const { server } = renderBoard({ at: '/pipeline?risk=immediate&days=14&region=atlantis&overdue=yes' });
    await screen.findByRole('list', { name: 'Enquiry, 1 case' });
    expect(callsTo(server, 'pipeline.board')[0]).toEqual({ risk: 'immediate', minDaysInStage: 14, nextActionOverdue: true });
    expect((screen.getByLabelText('Risk') as HTMLSelectElement).value).toBe('immediate');
    expect((screen.getByLabelText('In stage more than (days)') as HTMLInputElement).value).toBe('14');
    expect((screen.getByLabelText('Next action overdue') as HTMLInputElement).checked).toBe(true);
  });

  it('says what is wrong with a number of days it cannot use, and keeps the board as it was', async () => {
    const { server, router } = renderBoard();
    await screen.findByRole('list', { name: 'Enquiry, 1 case' });
    await userEvent.type(screen.getByLabelText('In stage more than (days)'), '0');
    await userEvent.tab();
    expect(screen.getByText('Days in stage must be at least 1')).toBeTruthy();
    expect(router.state.location.search).toBe('');
    expect(callsTo(server, 'pipeline.board')).toEqual([{}]);
  });

  it('says so when no case matches the filters', async () => {
    renderBoard({ at: '/pipeline?risk=immediate', board: boardOf([]) });
    expect(await screen.findByText('No cases match these filters')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Clear filters' })).toBeTruthy();
  });

  it('says what went wrong and offers to try again', async () => {
    let isDown = true;
    renderBoard({
      replies: {
        'pipeline.board': () => (isDown ? { error: { code: 'FORBIDDEN', httpStatus: 403, message: 'Only team leads and managers can see the pipeline' } } : { data: boardOf([enquiry]) }),
      },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Only team leads and managers can see the pipeline');
    isDown = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('list', { name: 'Enquiry, 1 case' })).toBeTruthy();
  });

  it('asks for the next page of a column with Show more', async () => {
    const page2 = Array.from({ length: 3 }, () => boardCard({ stage: 'enquiry' }));
    const { server } = renderBoard({
      board: boardOf([enquiry, assessed], { counts: { enquiry: 53 }, hasNextPage: ['enquiry'] }),
      at: '/pipeline?risk=high',
      replies: { 'pipeline.column': () => ({ data: { cards: page2, hasNextPage: false } }) },
    });
    await screen.findByRole('list', { name: 'Enquiry, 53 cases' });
    expect(screen.getByText('Showing 1 of 53 cases')).toBeTruthy();
    // Only the column with more to show offers it.
    expect(screen.getAllByRole('button', { name: /^Show more/ })).toHaveLength(1);

    await userEvent.click(screen.getByRole('button', { name: 'Show more Enquiry cases' }));
    expect(await screen.findByText('Showing 4 of 53 cases')).toBeTruthy();
    expect(callsTo(server, 'pipeline.column')).toEqual([{ stage: 'enquiry', filters: { risk: 'high' }, page: 2 }]);
    expect(screen.queryByRole('button', { name: 'Show more Enquiry cases' })).toBeNull();
  });

  it('draws only the cards in view of a long column', async () => {
    const many = Array.from({ length: 50 }, () => boardCard({ stage: 'enquiry' }));
    renderBoard({ board: boardOf(many, { counts: { enquiry: 1_800 }, hasNextPage: ['enquiry'] }) });
    const list = await screen.findByRole('list', { name: 'Enquiry, 1800 cases' });
    const drawn = within(list).getAllByRole('listitem');
    expect(drawn.length).toBeLessThan(50);
    expect(drawn[0]!.getAttribute('aria-posinset')).toBe('1');
    expect(drawn[0]!.getAttribute('aria-setsize')).toBe('1800');
  });
});

describe('moving a card from the keyboard', () => {
  it('lists every stage, greys out those the rules refuse with why, and sends the move with the version and reason', async () => {
    const { server } = renderBoard({ replies: { 'cases.moveStage': () => ({ data: { version: 8 } }) } });
    await screen.findByRole('list', { name: 'Assessment, 1 case' });
    moveButton(assessed).focus();
    await userEvent.keyboard('{Enter}');

    const dialog = await screen.findByRole('dialog', { name: `Move ${assessed.reference}` });
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(callsTo(server, 'pipeline.moveOptions')).toEqual([{ id: assessed.id }]);
    const placement = (await within(dialog).findByRole('radio', { name: 'Placement' })) as HTMLInputElement;
    expect(placement.disabled).toBe(true);
    expect(within(dialog).getByText('Not allowed: Assessment not complete: risk screen not answered')).toBeTruthy();
    expect(placement.getAttribute('aria-describedby')).toBeTruthy();
    expect((within(dialog).getByRole('radio', { name: 'Aftercare' }) as HTMLInputElement).disabled).toBe(true);

    // Moving back needs a reason, asked for before anything is sent.
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Enquiry' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move case' }));
    expect(within(dialog).getByText('Give a reason for moving the case back')).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Reason (required)'));
    expect(callsTo(server, 'cases.moveStage')).toEqual([]);

    await userEvent.keyboard('Client not yet ready to talk about funding');
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(callsTo(server, 'cases.moveStage')).toEqual([
        { id: assessed.id, version: 7, to: 'enquiry', reason: 'Client not yet ready to talk about funding' },
      ]),
    );
    expect(await screen.findByText(`${assessed.reference} moved to Enquiry.`)).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    // The board is fetched again to show the card where it now is.
    await waitFor(() => expect(callsTo(server, 'pipeline.board').length).toBeGreaterThan(1));
  });

  it('asks why a case is closing, and for words when the reason is "other"', async () => {
    const { server } = renderBoard({ replies: { 'cases.moveStage': () => ({ data: { version: 8 } }) } });
    await screen.findByRole('list', { name: 'Assessment, 1 case' });
    await userEvent.click(moveButton(assessed));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(await within(dialog).findByRole('radio', { name: 'Closed' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move case' }));
    expect(within(dialog).getByText('Choose why the case is closing')).toBeTruthy();
    // Only a case in aftercare can have completed it.
    expect(within(dialog).queryByRole('option', { name: 'Completed aftercare' })).toBeNull();
    await userEvent.selectOptions(within(dialog).getByLabelText('Why is it closing?'), 'Other (describe)');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move case' }));
    expect(within(dialog).getByText('Describe why the case is closing')).toBeTruthy();
    await userEvent.type(within(dialog).getByLabelText('Describe why (required)'), 'Moved to Scotland');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move case' }));
    await waitFor(() =>
      expect(callsTo(server, 'cases.moveStage')).toEqual([{ id: assessed.id, version: 7, to: 'closed', closureReason: 'other', reason: 'Moved to Scotland' }]),
    );
  });

  it('closes on Escape and puts focus back on the card’s Move button', async () => {
    renderBoard();
    await screen.findByRole('list', { name: 'Assessment, 1 case' });
    moveButton(assessed).focus();
    await userEvent.keyboard('{Enter}');
    await screen.findByRole('dialog');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(moveButton(assessed));
  });

  it('shows the server’s reason when it refuses the move, and keeps the dialog open', async () => {
    const { server } = renderBoard({
      replies: {
        'cases.moveStage': () => ({
          error: { code: 'BAD_REQUEST', httpStatus: 400, message: 'The crisis protocol is open: record what was done before closing the case', fieldErrors: { to: 'The crisis protocol is open: record what was done before closing the case' } },
        }),
      },
    });
    await screen.findByRole('list', { name: 'Assessment, 1 case' });
    await userEvent.click(moveButton(assessed));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(await within(dialog).findByRole('radio', { name: 'Closed' }));
    await userEvent.selectOptions(within(dialog).getByLabelText('Why is it closing?'), 'Unreachable');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move case' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Not moved');
    expect(alert.textContent).toContain('The crisis protocol is open: record what was done before closing the case');
    expect(screen.getByRole('dialog')).toBeTruthy();
    // What the rules know may have changed: the options are asked for again.
    await waitFor(() => expect(callsTo(server, 'pipeline.moveOptions').length).toBe(2));
  });

  it('on a conflict, says who changed the case, refreshes, and keeps what was typed for another try', async () => {
    const message = 'Tom Price changed this case at 28/11/2026 14:03, after you opened it. Reload to see their change; what you typed stays on screen.';
    let current = assessed;
    const { server } = renderBoard({
      board: () => boardOf([enquiry, current, placed]),
      replies: {
        'pipeline.moveOptions': () => ({ data: assessmentMoveOptions(current) }),
        'cases.moveStage': (input) => ((input as { version: number }).version === 7 ? { error: { code: 'CONFLICT', httpStatus: 409, message } } : { data: { version: 9 } }),
      },
    });
    await screen.findByRole('list', { name: 'Assessment, 1 case' });
    await userEvent.click(moveButton(assessed));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(await within(dialog).findByRole('radio', { name: 'Enquiry' }));
    await userEvent.type(within(dialog).getByLabelText('Reason (required)'), 'Needs another call');
    // Tom Price reassigns it while the dialog is open.
    current = { ...assessed, version: 8, assignedAdviserName: 'Tom Price' };
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move case' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Not moved: someone else changed this case first');
    expect(alert.textContent).toContain('Tom Price changed this case at 28/11/2026 14:03');
    expect((within(dialog).getByLabelText('Reason (required)') as HTMLInputElement).value).toBe('Needs another call');
    await waitFor(() => expect(callsTo(server, 'pipeline.board').length).toBe(2));
    expect(await within(screen.getByRole('list', { name: 'Assessment, 1 case' })).findByText('Tom Price')).toBeTruthy();

    // Having been told, the team lead moves the case as it is now.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move case' }));
    await waitFor(() => expect(callsTo(server, 'cases.moveStage').map((input) => (input as { version: number }).version)).toEqual([7, 8]));
    expect(await screen.findByText(`${assessed.reference} moved to Enquiry.`)).toBeTruthy();
  });

  it('keeps an open dialog through a live refresh of the board', async () => {
    let version = 7;
    const { server } = renderBoard({ board: () => boardOf([enquiry, { ...assessed, version }, placed]) });
    await screen.findByRole('list', { name: 'Assessment, 1 case' });
    await userEvent.click(moveButton(assessed));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(await within(dialog).findByRole('radio', { name: 'Enquiry' }));
    await userEvent.type(within(dialog).getByLabelText('Reason (required)'), 'Half typed');

    version = 8;
    await waitFor(() => expect(FakeEventSource.latest).toBeDefined());
    act(() => FakeEventSource.latest!.caseChanged(placed.id));
    await waitFor(() => expect(callsTo(server, 'pipeline.board').length).toBe(2));
    expect(screen.getByRole('dialog')).toBe(dialog);
    expect((within(dialog).getByLabelText('Reason (required)') as HTMLInputElement).value).toBe('Half typed');
  });
});

describe('dragging a card', () => {
  const dataTransfer = () => ({ setData: vi.fn(), getData: vi.fn(), effectAllowed: 'all', dropEffect: 'none', types: ['text/plain'] });

  it('greys out the columns it cannot go to, with why, and moves it when dropped on one it can', async () => {
    const placedOptions = {
      version: placed.version,
      stage: 'placement' as const,
      options: [
        { stage: 'enquiry' as const, check: { allowed: true as const } },
        { stage: 'assessment' as const, check: { allowed: true as const } },
        { stage: 'aftercare' as const, check: { allowed: true as const } },
        { stage: 'closed' as const, check: { allowed: false as const, why: 'A placement is proposed or confirmed: cancel it before closing the case' } },
      ],
    };
    const { server } = renderBoard({
      replies: { 'pipeline.moveOptions': () => ({ data: placedOptions }), 'cases.moveStage': () => ({ data: { version: 4 } }) },
    });
    const placements = await screen.findByRole('list', { name: 'Placement, 1 case' });
    fireEvent.dragStart(cardIn(placements, placed.reference), { dataTransfer: dataTransfer() });

    const closedColumn = screen.getByRole('region', { name: /^Closed/ });
    expect(await within(closedColumn).findByText('A placement is proposed or confirmed: cancel it before closing the case')).toBeTruthy();
    expect(closedColumn.className).toContain('board-column--refused');
    expect(callsTo(server, 'pipeline.moveOptions')).toEqual([{ id: placed.id }]);

    const aftercareColumn = screen.getByRole('region', { name: /^Aftercare/ });
    const over = fireEvent.dragOver(aftercareColumn, { dataTransfer: dataTransfer() });
    // Not cancelled means the browser would refuse the drop.
    expect(over).toBe(false);
    expect(fireEvent.dragOver(closedColumn, { dataTransfer: dataTransfer() })).toBe(true);

    fireEvent.drop(aftercareColumn, { dataTransfer: dataTransfer() });
    await waitFor(() => expect(callsTo(server, 'cases.moveStage')).toEqual([{ id: placed.id, version: placed.version, to: 'aftercare' }]));
    expect(await screen.findByText(`${placed.reference} moved to Aftercare.`)).toBeTruthy();
    expect(closedColumn.className).not.toContain('board-column--refused');
  });

  it('shows the server’s refusal of a dropped card next to the board', async () => {
    renderBoard({
      replies: {
        'pipeline.moveOptions': () => ({ data: { version: 3, stage: 'enquiry', options: [{ stage: 'assessment', check: { allowed: true } }] } }),
        'cases.moveStage': () => ({ error: { code: 'BAD_REQUEST', httpStatus: 400, message: 'No contact made yet: log a call that was answered' } }),
      },
    });
    const enquiries = await screen.findByRole('list', { name: 'Enquiry, 1 case' });
    fireEvent.dragStart(cardIn(enquiries, enquiry.reference), { dataTransfer: dataTransfer() });
    fireEvent.drop(screen.getByRole('region', { name: /^Assessment/ }), { dataTransfer: dataTransfer() });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(`${enquiry.reference} was not moved to Assessment`);
    expect(alert.textContent).toContain('No contact made yet: log a call that was answered');
  });

  it('asks for the reason when a card is dropped on an earlier stage', async () => {
    renderBoard();
    const assessments = await screen.findByRole('list', { name: 'Assessment, 1 case' });
    fireEvent.dragStart(cardIn(assessments, assessed.reference), { dataTransfer: dataTransfer() });
    fireEvent.drop(screen.getByRole('region', { name: /^Enquiry/ }), { dataTransfer: dataTransfer() });
    const dialog = await screen.findByRole('dialog', { name: `Move ${assessed.reference}` });
    expect(((await within(dialog).findByRole('radio', { name: 'Enquiry' })) as HTMLInputElement).checked).toBe(true);
    expect(within(dialog).getByLabelText('Reason (required)')).toBeTruthy();
  });
});

describe('reassigning a card', () => {
  it('gives the case to a colleague at the version seen, or back to the team', async () => {
    const { server } = renderBoard({ replies: { 'cases.assign': () => ({ data: { version: 8 } }) } });
    await screen.findByRole('list', { name: 'Assessment, 1 case' });
    await userEvent.click(screen.getByRole('button', { name: `Assign ${assessed.reference}` }));
    const dialog = await screen.findByRole('dialog', { name: `Assign ${assessed.reference}` });
    await within(dialog).findByRole('option', { name: 'Tom Price (Adviser)' });
    await userEvent.selectOptions(within(dialog).getByLabelText('Give the case to'), 'Tom Price (Adviser)');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));
    await waitFor(() => expect(callsTo(server, 'cases.assign')).toEqual([{ id: assessed.id, version: 7, adviserId: staff[1]!.id }]));
    expect(await screen.findByText(`${assessed.reference} given to Tom Price.`)).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: `Assign ${assessed.reference}` }));
    await userEvent.click(await screen.findByRole('button', { name: 'Make unassigned' }));
    await waitFor(() => expect(callsTo(server, 'cases.assign').at(-1)).toEqual({ id: assessed.id, version: 7, adviserId: null }));
    expect(await screen.findByText(`${assessed.reference} is now unassigned.`)).toBeTruthy();
  });
});

describe('keeping the board live', () => {
  it('fetches the board again when a colleague changes any case, so a new enquiry appears', async () => {
    const fresh = boardCard({ stage: 'enquiry', clientName: 'Dylan Hughes' });
    let cards = [enquiry, assessed];
    renderBoard({ board: () => boardOf(cards) });
    await screen.findByRole('list', { name: 'Enquiry, 1 case' });
    await waitFor(() => expect(screen.getByText('Live')).toBeTruthy());

    cards = [enquiry, fresh, assessed];
    act(() => FakeEventSource.latest!.caseChanged(fresh.id));
    const enquiries = await screen.findByRole('list', { name: 'Enquiry, 2 cases' });
    expect(within(enquiries).getByText('Dylan Hughes')).toBeTruthy();
  });
});

it('has no accessibility problems axe can find, with a dialog open too', async () => {
  const { container } = renderBoard();
  await screen.findByRole('list', { name: 'Assessment, 1 case' });
  const rules = { rules: { 'color-contrast': { enabled: false } } };
  const describe = (results: axe.AxeResults) => results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(describe(await axe.run(container, rules))).toEqual([]);
  await userEvent.click(moveButton(assessed));
  await within(await screen.findByRole('dialog')).findByRole('radio', { name: 'Enquiry' });
  expect(describe(await axe.run(container, rules))).toEqual([]);
});
