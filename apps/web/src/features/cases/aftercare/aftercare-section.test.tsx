import type { Role } from '@harbour/shared/roles';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RouterOutputs } from '../../../lib/trpc';
import { expectNoAxeViolations } from '../../../test/axe';
import { caseRecordFixture } from '../../../test/case-record';
import { callsTo, fakeServer, type FakeServer } from '../../../test/fake-server';
import { renderWithProviders } from '../../../test/render-with-providers';
import { aftercareCase, dayFromToday, dischargedPlacement, PLACEMENT_ID, recorded, scheduleFor } from './aftercare-fixtures';
import { AftercareSection } from './aftercare-section';

type CaseRecord = RouterOutputs['cases']['byReference'];

const renderSection = (server: FakeServer, record: CaseRecord, role: Role = 'adviser') =>
  renderWithProviders(server, <AftercareSection record={record} user={{ id: 'user-1', role }} />);

const rowOf = (name: string) => screen.getByRole('row', { name: new RegExp(`^${name}`) });

describe('aftercare on the case page', () => {
  it('before a placement, says only that aftercare starts at discharge', () => {
    renderSection(fakeServer({}), caseRecordFixture({ stage: 'assessment' }));
    expect(screen.getByText(/Aftercare starts when the client is discharged/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows the schedule with what was recorded, what is overdue and what is still to come', () => {
    // Discharged 33 days ago: the 7-day call was made, the 30-day one is 3 days late.
    renderSection(fakeServer({}), aftercareCase(33, ([first, ...rest]) => [recorded(first!, 'well', 'Going to NA twice a week'), ...rest]));
    expect(screen.getByText(`After the discharge from Pennine Lodge on ${dayFromToday(-33).split('-').reverse().join('/')}.`)).toBeTruthy();
    expect(within(rowOf('7-day check-in')).getByText('Doing well')).toBeTruthy();
    expect(within(rowOf('7-day check-in')).getByText('Recorded by Amira Shah at 05/01/2027 14:05')).toBeTruthy();
    expect(within(rowOf('7-day check-in')).getByText('Going to NA twice a week')).toBeTruthy();
    expect(within(rowOf('30-day check-in')).getByText('Overdue by 3 days').className).toContain('badge--danger');
    expect(within(rowOf('90-day check-in')).getByText('Not made yet')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Record the 30-day check-in' })).toBeTruthy();
  });

  it('offers the check-in due today, and names the next one once nothing is due', () => {
    const { unmount } = renderSection(fakeServer({}), aftercareCase(7));
    expect(within(rowOf('7-day check-in')).getByText('Due today')).toBeTruthy();
    unmount();
    renderSection(fakeServer({}), aftercareCase(8, ([first, ...rest]) => [recorded(first!, 'well'), ...rest]));
    expect(screen.queryByRole('button', { name: 'Record check-in' })).toBeNull();
    expect(screen.getByText(`Next: the 30-day check-in, due ${dayFromToday(22).split('-').reverse().join('/')}.`)).toBeTruthy();
  });

  it('records a check-in with its outcome and notes, and moves focus to what happened', async () => {
    const server = fakeServer({ 'aftercare.recordCheckIn': () => ({ data: { version: 2 } }) });
    const record = aftercareCase(10);
    renderSection(server, record);
    await userEvent.click(screen.getByRole('button', { name: 'Record check-in' }));
    expect(await screen.findByText('Choose how the client is doing')).toBeTruthy();
    expect(callsTo(server, 'aftercare.recordCheckIn')).toEqual([]);

    const outcome = screen.getByRole('group', { name: 'How is the client doing?' });
    await userEvent.click(within(outcome).getByLabelText('Struggling'));
    await userEvent.type(screen.getByLabelText('Notes on the call (optional)'), 'Low mood since her dad died; GP appointment on Friday');
    await userEvent.click(screen.getByRole('button', { name: 'Record check-in' }));

    const done = await screen.findByText('7-day check-in recorded: Struggling.');
    expect(document.activeElement).toBe(done.closest('.alert'));
    expect(callsTo(server, 'aftercare.recordCheckIn')).toEqual([
      { id: record.aftercare.checkIns[0]!.id, version: 1, outcome: 'struggling', notes: 'Low mood since her dad died; GP appointment on Friday' },
    ]);
    expect(within(rowOf('7-day check-in')).getByText('Recorded', { exact: false }).textContent).toMatch(/^Recorded by you at/);
    // The call is made: no second form for it.
    expect(screen.queryByRole('heading', { name: 'Record the 7-day check-in' })).toBeNull();
  });

  it('tells an adviser who records a relapse that a team lead will decide, and offers them no reopening', async () => {
    const server = fakeServer({ 'aftercare.recordCheckIn': () => ({ data: { version: 2 } }) });
    renderSection(server, aftercareCase(10));
    await userEvent.click(screen.getByLabelText('Relapsed'));
    await userEvent.click(screen.getByRole('button', { name: 'Record check-in' }));
    const done = await screen.findByText(/7-day check-in recorded: Relapsed\./);
    expect(done.textContent).toContain('A team lead has been asked to decide whether to reopen the case for a new assessment.');
    expect(screen.queryByRole('button', { name: 'Reopen for a new assessment' })).toBeNull();
  });

  describe('a relapse already recorded', () => {
    const relapsed = () => aftercareCase(33, ([first, ...rest]) => [recorded(first!, 'relapsed', 'Drinking again since the weekend'), ...rest]);

    it('is waiting for a team lead, as an adviser sees it', () => {
      renderSection(fakeServer({}), relapsed());
      const decision = screen.getByRole('region', { name: 'Relapse reported at the 7-day check-in' });
      expect(within(decision).getByText('A team lead has been asked to decide whether to reopen the case for a new assessment.')).toBeTruthy();
      expect(within(decision).queryByRole('button')).toBeNull();
    });

    it('lets a team lead reopen the case for a new assessment, with a reason', async () => {
      const server = fakeServer({ 'cases.moveStage': () => ({ data: { version: 8 } }) });
      const record = relapsed();
      renderSection(server, record, 'team_lead');
      const decision = screen.getByRole('region', { name: 'Relapse reported at the 7-day check-in' });
      await userEvent.click(within(decision).getByRole('button', { name: 'Reopen for a new assessment' }));
      expect(await within(decision).findByText('Enter why the case is reopening')).toBeTruthy();
      expect(callsTo(server, 'cases.moveStage')).toEqual([]);

      await userEvent.type(within(decision).getByLabelText('Reason for reopening'), 'Wants a detox again; mother will fund');
      await userEvent.click(within(decision).getByRole('button', { name: 'Reopen for a new assessment' }));
      const done = await screen.findByText(/Case reopened for a new assessment/);
      expect(document.activeElement).toBe(done.closest('.alert'));
      expect(callsTo(server, 'cases.moveStage')).toEqual([{ id: record.id, version: 7, to: 'assessment', reason: 'Wants a detox again; mother will fund' }]);
    });

    it('shows a team lead why the server refused to reopen', async () => {
      const refusal = { error: { code: 'BAD_REQUEST', httpStatus: 400, message: 'Give a reason for moving the case back', fieldErrors: { to: 'Give a reason for moving the case back' } } };
      renderSection(fakeServer({ 'cases.moveStage': () => refusal }), relapsed(), 'manager');
      await userEvent.type(screen.getByLabelText('Reason for reopening'), 'Asked for help again');
      await userEvent.click(screen.getByRole('button', { name: 'Reopen for a new assessment' }));
      expect((await screen.findByRole('alert')).textContent).toBe('Give a reason for moving the case back');
    });
  });

  describe('the aftercare plan', () => {
    const planned = (version: number) =>
      aftercareCase(3, undefined, {
        aftercare: {
          plan: { version, supportGroups: ['alcoholics_anonymous'], localServices: 'Calderdale Recovery Steps', therapy: null, notes: null, updatedAt: new Date('2027-01-02T09:30:00Z'), updatedByName: 'Tom Price' },
          checkIns: scheduleFor(PLACEMENT_ID, dayFromToday(-3)),
        },
      });

    it('saves the first plan at version 0, with Ctrl+S', async () => {
      const server = fakeServer({ 'aftercare.savePlan': () => ({ data: { version: 1 } }) });
      const record = caseRecordFixture({ stage: 'placement' });
      renderSection(server, record);
      expect(screen.getByText('No plan saved yet.')).toBeTruthy();
      const groups = screen.getByRole('group', { name: 'Support groups' });
      await userEvent.click(within(groups).getByLabelText('Narcotics Anonymous'));
      await userEvent.click(within(groups).getByLabelText('SMART Recovery'));
      await userEvent.type(screen.getByLabelText('Therapy (optional)'), 'Weekly CBT through the clinic{Control>}s{/Control}');
      expect(await screen.findByText(/Aftercare plan saved at/)).toBeTruthy();
      expect(callsTo(server, 'aftercare.savePlan')).toEqual([
        { caseId: record.id, version: 0, plan: { supportGroups: ['narcotics_anonymous', 'smart_recovery'], localServices: undefined, therapy: 'Weekly CBT through the clinic', notes: undefined } },
      ]);
    });

    it('saves over the version it read, and says who saved it last', async () => {
      const server = fakeServer({ 'aftercare.savePlan': () => ({ data: { version: 4 } }) });
      renderSection(server, planned(3));
      expect(screen.getByText('Last saved by Tom Price at 02/01/2027 09:30.')).toBeTruthy();
      await userEvent.click(screen.getByLabelText('Cocaine Anonymous'));
      await userEvent.click(screen.getByRole('button', { name: 'Save plan' }));
      await screen.findByText(/Aftercare plan saved at/);
      expect(callsTo(server, 'aftercare.savePlan')[0]).toMatchObject({ version: 3, plan: { supportGroups: ['alcoholics_anonymous', 'cocaine_anonymous'], localServices: 'Calderdale Recovery Steps' } });
    });

    it('on a conflict, reloads the colleague’s plan and keeps what was typed beside it', async () => {
      const theirs = planned(4);
      theirs.aftercare.plan = { ...theirs.aftercare.plan!, version: 4, supportGroups: ['smart_recovery'], updatedByName: 'Tom Price' };
      const server = fakeServer({
        'aftercare.savePlan': () => ({ error: { code: 'CONFLICT', httpStatus: 409, message: 'Tom Price saved the aftercare plan at 05/01/2027 10:12, after you opened it.' } }),
        'cases.byReference': () => ({ data: theirs }),
      });
      renderSection(server, planned(3));
      await userEvent.type(screen.getByLabelText('Notes (optional)'), 'Sponsor found');
      await userEvent.click(screen.getByRole('button', { name: 'Save plan' }));

      const alert = await screen.findByText(/Tom Price saved the aftercare plan/);
      await userEvent.click(within(alert.closest('.alert') as HTMLElement).getByRole('button', { name: 'Reload their version' }));
      const unsaved = await screen.findByRole('region', { name: 'Your unsaved answers' });
      expect(within(unsaved).getByText('Notes').nextSibling?.textContent).toBe('Sponsor found');
      expect((screen.getByLabelText('SMART Recovery') as HTMLInputElement).checked).toBe(true);
      expect((screen.getByLabelText('Alcoholics Anonymous') as HTMLInputElement).checked).toBe(false);

      await userEvent.click(screen.getByRole('button', { name: 'Save plan' }));
      expect(callsTo(server, 'aftercare.savePlan')[1]).toMatchObject({ version: 4 });
    });
  });

  it('shows everything and offers nothing to change on a case someone else holds', () => {
    const record = aftercareCase(10, undefined, { canChange: false, assignedAdviserName: 'Tom Price' });
    record.aftercare.plan = { version: 1, supportGroups: ['narcotics_anonymous'], localServices: null, therapy: 'CBT', notes: null, updatedAt: new Date('2027-01-02T09:30:00Z'), updatedByName: 'Tom Price' };
    renderSection(fakeServer({}), record);
    expect(within(rowOf('7-day check-in')).getByText('Overdue by 3 days')).toBeTruthy();
    expect(screen.getByText('Narcotics Anonymous')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('keeps the check-ins of an earlier discharge apart, as history', () => {
    const earlierId = 'b0000000-0000-4000-8000-000000000002';
    const earlierOn = dayFromToday(-400);
    const record = aftercareCase(3);
    record.placements = [...record.placements, dischargedPlacement(earlierId, 'Willow House', earlierOn)];
    record.aftercare.checkIns = [
      ...scheduleFor(earlierId, earlierOn, 'd0000000-0000-4000-8000-0000000000').map((checkIn, index) => (index === 2 ? recorded(checkIn, 'relapsed') : checkIn)),
      ...record.aftercare.checkIns,
    ];
    renderSection(fakeServer({}), record);
    const history = screen.getByText('Earlier discharges (1)').closest('details') as HTMLElement;
    expect(within(history).getByRole('heading', { name: `After the discharge from Willow House on ${earlierOn.split('-').reverse().join('/')}` })).toBeTruthy();
    expect(within(history).getAllByText('Not recorded')).toHaveLength(4);
    // The old relapse was dealt with by a reopening: nothing to decide now.
    expect(screen.queryByRole('region', { name: /Relapse reported/ })).toBeNull();
    expect(screen.queryByText('Overdue by', { exact: false })).toBeNull();
  });

  it('has no accessibility problems axe can find', async () => {
    const { container } = renderSection(fakeServer({}), aftercareCase(33, ([first, ...rest]) => [recorded(first!, 'relapsed', 'Drinking again'), ...rest]), 'team_lead');
    await expectNoAxeViolations(container);
  });
});
