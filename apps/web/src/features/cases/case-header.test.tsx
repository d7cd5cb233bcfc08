import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { caseRecordFixture } from '../../test/case-record';
import { CaseHeader } from './case-header';

const NOW = new Date('2026-11-28T12:00:00Z');

describe('the case header', () => {
  it('reads "Erased" for an erased case, not a missing name', async () => {
    const { container } = render(
      <CaseHeader record={caseRecordFixture({ clientName: null, callerName: 'Erased', phone: '', dateOfBirth: null, erasedAt: new Date('2026-11-20T10:00:00Z') })} liveRiskLevel={null} now={NOW} />,
    );
    expect(screen.getByRole('heading', { level: 1, name: /^Erased/ })).toBeTruthy();
    expect(screen.getByText('Erased on 20/11/2026')).toBeTruthy();
    expect(screen.queryByText('No next action set')).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('shows "Do not contact" with when, how and who recorded it', async () => {
    const { container } = render(
      <CaseHeader
        record={caseRecordFixture({ contactWithdrawnOn: '2026-11-27', contactWithdrawnVia: 'letter', contactWithdrawnByName: 'Morgan Reed' })}
        liveRiskLevel={null}
        now={NOW}
      />,
    );
    const banner = screen.getByRole('alert');
    expect(banner.textContent).toContain('Do not contact');
    expect(banner.textContent).toContain('They withdrew consent to be contacted on 27/11/2026 (by letter), recorded by Morgan Reed.');
    expect(screen.queryByText('No next action set')).toBeNull();
    await expectNoAxeViolations(container);
  });
});
