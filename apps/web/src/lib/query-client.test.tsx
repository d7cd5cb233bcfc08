import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it, vi } from 'vitest';
import { createQueryClient } from './query-client';
import { messageOf } from './trpc';

function Figures({ load }: { load: () => Promise<string> }) {
  const figures = useQuery({ queryKey: ['figures'], queryFn: load, retry: false });
  if (figures.isError) return <p role="alert">{messageOf(figures.error)}</p>;
  return <p>{figures.data ?? 'Loading…'}</p>;
}

describe('the query client after an outage', () => {
  it('fetches a screen that failed for want of Harbour again by itself once Harbour answers', async () => {
    let isBack = false;
    const load = vi.fn(async () => {
      if (!isBack) throw new TRPCClientError('Failed to fetch');
      return '12 callbacks waiting';
    });
    const isHarbourBack = vi.fn(async () => isBack);
    render(
      <QueryClientProvider client={createQueryClient(undefined, { isHarbourBack })}>
        <Figures load={load} />
      </QueryClientProvider>,
    );

    expect((await screen.findByRole('alert')).textContent).toContain("Harbour can't be reached");
    await vi.waitFor(() => expect(isHarbourBack).toHaveBeenCalled(), { timeout: 3_000 });
    expect(load).toHaveBeenCalledTimes(1);

    isBack = true;
    expect(await screen.findByText('12 callbacks waiting', undefined, { timeout: 5_000 })).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not keep asking once nothing on screen is waiting', async () => {
    const isHarbourBack = vi.fn(async () => false);
    const view = render(
      <QueryClientProvider client={createQueryClient(undefined, { isHarbourBack })}>
        <Figures load={() => Promise.reject(new TRPCClientError('Failed to fetch'))} />
      </QueryClientProvider>,
    );
    await screen.findByRole('alert');
    view.unmount();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(isHarbourBack).not.toHaveBeenCalled();
  });
});
