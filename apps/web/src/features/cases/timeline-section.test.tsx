import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Providers } from '../../app/providers';
import type { RouterOutputs } from '../../lib/trpc';
import { fakeServer } from '../../test/fake-server';
import { TimelineSection } from './timeline-section';

type Entry = RouterOutputs['cases']['timeline'][number];

const caseId = '0b7f8c1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b';
const placementId = 'b0000000-0000-4000-8000-000000000001';

// Newest first, with the details each service writes.
const events: Array<[string, Record<string, unknown>]> = [
  ['check_in_recorded', { checkInId: 'c1', daysAfter: 30, outcome: 'relapsed', timing: 'overdue', notes: 'Drinking again since the weekend' }],
  ['check_in_recorded', { checkInId: 'c0', daysAfter: 7, outcome: 'well', timing: 'due_today', notes: null }],
  ['aftercare_plan_saved', { supportGroups: ['alcoholics_anonymous', 'smart_recovery'] }],
  ['stage_moved', { from: 'placement', to: 'aftercare', closureReason: null, reason: 'Discharged from Pennine Lodge' }],
  ['placement_discharged', { placementId, clinicName: 'Pennine Lodge', dischargedOn: '2027-03-27', outcome: 'left_early' }],
  ['placement_admitted', { placementId, clinicName: 'Pennine Lodge', admittedOn: '2027-03-01' }],
  ['placement_confirmed', { placementId, clinicName: 'Pennine Lodge', feePence: 380_000 }],
  ['placement_proposed', { placementId, clinicId: 'k1', clinicName: 'Pennine Lodge', programme: 'residential_rehab', lengthDays: 28, weeklyPricePence: 950_000 }],
  ['placement_cancelled', { placementId, from: 'proposed', reason: 'Client chose somewhere nearer home' }],
];

const timeline: Entry[] = events.map(([kind, details], index) => ({
  type: 'event',
  id: `event-${index}`,
  at: new Date(Date.UTC(2027, 3, 30 - index, 13, 0)),
  actorName: 'Amira Shah',
  kind,
  details,
}));

describe('the case timeline', () => {
  it('says in words what happened to the placement and in aftercare', async () => {
    const server = fakeServer({ 'cases.timeline': () => ({ data: timeline }) });
    render(
      <Providers trpcClient={server.client}>
        <TimelineSection caseId={caseId} />
      </Providers>,
    );
    const items = (await screen.findAllByRole('listitem')).map((item) => item.textContent?.replace(/^.*?Amira Shah/, ''));
    expect(items).toEqual([
      '30-day check-in: Relapsed (made late)Drinking again since the weekend',
      '7-day check-in: Doing well',
      'Aftercare plan saved: Alcoholics Anonymous, SMART Recovery',
      'Moved from Placement to AftercareDischarged from Pennine Lodge',
      'Discharged from Pennine Lodge on 27/03/2027Left early',
      'Admitted to Pennine Lodge on 01/03/2027',
      'Placement confirmed with Pennine LodgeFee from the clinic: £3,800.00',
      'Placement proposed at Pennine LodgeResidential rehab, 28 days, £9,500.00 a week',
      'Proposed placement cancelledClient chose somewhere nearer home',
    ]);
    expect(within(screen.getAllByRole('listitem')[0]!).getByText('30-day check-in: Relapsed (made late)').className).toBe('text-danger');
    expect(within(screen.getAllByRole('listitem')[1]!).getByText('7-day check-in: Doing well').className).toBe('');
  });
});
