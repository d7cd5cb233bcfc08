import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageErrorBoundary } from './route-error';

function Broken(): never {
  throw new Error('the page failed to draw');
}

describe('PageErrorBoundary', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows the plain failure in place of a page that throws, and lets the next page draw', () => {
    // React reports the caught error on the console; the test needs no noise from it.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const view = render(
      <PageErrorBoundary pathname="/cases/HBR-1">
        <Broken />
      </PageErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Something went wrong on this page');
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeTruthy();
    expect(screen.queryByText('the page failed to draw')).toBeNull();

    view.rerender(
      <PageErrorBoundary pathname="/queue">
        <p>The queue</p>
      </PageErrorBoundary>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('The queue')).toBeTruthy();
  });
});
