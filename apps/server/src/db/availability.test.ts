import { describe, expect, it } from 'vitest';
import { badRequest, conflict } from '../trpc/errors';
import { DatabaseHealth, DatabaseUnavailableError, isDatabaseUnreachable } from './availability';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('telling "the database is out of reach" from other failures', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a reset connection', withCode('ECONNRESET')],
    ['the server shutting down (57P01)', withCode('57P01', 'terminating connection due to administrator command')],
    ['the server starting up (57P03)', withCode('57P03', 'the database system is starting up')],
    ['a connection exception (08006)', withCode('08006')],
    ['a connection dropped mid-query', new Error('Connection terminated unexpectedly')],
    ['a connect timeout', new Error('timeout exceeded when trying to connect')],
    ['a client that already lost its connection', new Error('Client has encountered a connection error and is not queryable')],
    ['Harbour refusing while it knows the database is gone', new DatabaseUnavailableError()],
    ['any of these wrapped as a cause', new Error('procedure failed', { cause: withCode('ECONNREFUSED') })],
    ['every address refusing', new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')])],
  ])('%s is an outage', (_name, error) => {
    expect(isDatabaseUnreachable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505', 'duplicate key value violates unique constraint')],
    ['a statement timeout', withCode('57014', 'canceling statement due to statement timeout')],
    ['a failed check', withCode('23514')],
    ['a conflict written for the adviser', conflict('Someone else changed this case')],
    ['a refusal about a field', badRequest('Enter a phone number', 'phone')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', undefined],
  ])('%s is not', (_name, error) => {
    expect(isDatabaseUnreachable(error)).toBe(false);
  });
});

describe('the health of the database as one process sees it', () => {
  it('turns unreachable when a probe fails, keeps probing, and turns reachable when one succeeds', async () => {
    let isUp = false;
    let probes = 0;
    const health = new DatabaseHealth(async () => {
      probes += 1;
      if (!isUp) throw withCode('ECONNREFUSED');
    });
    expect(health.isReachable).toBe(true);

    expect(await health.check()).toBe(false);
    expect(health.isReachable).toBe(false);
    await expect.poll(() => probes, { timeout: 3_000 }).toBeGreaterThanOrEqual(3);
    expect(health.isReachable).toBe(false);

    isUp = true;
    await expect.poll(() => health.isReachable, { timeout: 3_000 }).toBe(true);
    const settled = probes;
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(probes).toBe(settled);
    health.stop();
  });

  it('stays reachable when the probe is refused by a server that is there (too many connections)', async () => {
    const health = new DatabaseHealth(async () => {
      throw withCode('53300', 'sorry, too many clients already');
    });
    expect(await health.check()).toBe(true);
    expect(health.isReachable).toBe(true);
    health.stop();
  });

  it('runs one probe at a time however many failures point at the database', async () => {
    let running = 0;
    let most = 0;
    const health = new DatabaseHealth(async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 50));
      running -= 1;
    });
    await Promise.all(Array.from({ length: 20 }, () => health.check()));
    expect(most).toBe(1);
    health.stop();
  });
});
