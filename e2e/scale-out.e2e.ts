import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, screenshot, signedInDemo, skipReason, useBrowser, type Browser } from './support/browser';
import { startHarbour, type HarbourProcess } from './support/harbour-process';
import { pgBouncerMissing, startPgBouncer, type PgBouncer } from './support/pgbouncer';
import { fillCallbackRequest, newVisitor, sendCallbackRequest } from './support/public-form';

// Harbour scales out by running more identical processes behind a load balancer: sessions
// live in PostgreSQL and changes travel by LISTEN/NOTIFY, never in one process's memory
// (docs/scaling.md). Two processes share one database, first directly, then through PgBouncer
// in transaction mode with LISTEN on a direct connection of its own, as in production.

const databaseUrl = process.env.TEST_DATABASE_URL ?? '';
const needsPostgres = databaseUrl
  ? ''
  : 'two processes cannot share the embedded PGlite: set TEST_DATABASE_URL to a PostgreSQL database (.ci/run does)';
if (needsPostgres && skipReason() === '') console.warn(`Skipping the scale-out tests: ${needsPostgres}`);
const needsPgBouncer = needsPostgres || pgBouncerMissing();
if (!needsPostgres && needsPgBouncer && skipReason() === '') console.warn(`Skipping the PgBouncer scale-out test: ${needsPgBouncer}`);

describe.skipIf(skipReason() !== '' || needsPostgres !== '')('two Harbour processes on one PostgreSQL', () => {
  const browser = useBrowser();
  let second: HarbourProcess;

  beforeAll(async () => {
    second = await startHarbour({ databaseUrl });
  });
  afterAll(async () => {
    await second?.stop();
  });

  it('a session made on one works on the other, and a request sent to one appears live in a queue open on the other', async () => {
    expect(second.baseUrl).not.toBe(baseUrl());
    await provesSharedSessionAndLiveQueue(browser, { first: baseUrl(), second: second.baseUrl, screenshotName: 'scale-out-second-process-queue' });
  });
});

describe.skipIf(skipReason() !== '' || needsPgBouncer !== '')('two Harbour processes through PgBouncer in transaction mode', () => {
  const browser = useBrowser();
  let bouncer: PgBouncer;
  const processes: HarbourProcess[] = [];

  beforeAll(async () => {
    bouncer = await startPgBouncer(databaseUrl);
    // Queries through PgBouncer; LISTEN cannot go through it (without this setting the live
    // queue never hears of the new request: tried), so it takes the direct address.
    const settings = { DATABASE_LISTEN_URL: databaseUrl };
    processes.push(await startHarbour({ databaseUrl: bouncer.databaseUrl, settings }));
    processes.push(await startHarbour({ databaseUrl: bouncer.databaseUrl, settings }));
  });
  afterAll(async () => {
    await Promise.all(processes.map((process) => process.stop()));
    await bouncer?.stop();
  });

  it('shares sessions and live changes between them', async () => {
    const [first, second] = processes as [HarbourProcess, HarbourProcess];
    await provesSharedSessionAndLiveQueue(browser, { first: first.baseUrl, second: second.baseUrl, screenshotName: 'scale-out-pgbouncer-queue' });
  });
});

/**
 * Signed in (on the suite's server: the cookie belongs to localhost, whatever the port), an
 * adviser opens the queue on `second`; a visitor asks `first` for a callback; it appears live
 * on `second`; signing out on `second` ends the session on `first` too.
 */
async function provesSharedSessionAndLiveQueue(
  browser: Browser,
  { first, second, screenshotName }: { first: string; second: string; screenshotName: string },
): Promise<void> {
  const adviser = await signedInDemo(browser, 'adviser@harbour.test');
  await adviser.goto(`${second}/queue`);
  await adviser.getByRole('heading', { name: 'Callback queue' }).waitFor();
  await adviser.locator('.live--live').waitFor();
  expect(new URL(adviser.url()).origin).toBe(second);

  const visitor = await newVisitor(browser);
  await fillCallbackRequest(
    visitor,
    { fullName: 'Morgan Scale', phone: `07400 ${String(600000 + (Date.now() % 100000)).slice(-6)}` },
    { at: first },
  );
  const sentAt = Date.now();
  const reference = await sendCallbackRequest(visitor);

  // No reload: the change crossed from one process to the other through NOTIFY.
  await adviser.getByRole('link', { name: reference }).waitFor({ timeout: 5_000 });
  expect((Date.now() - sentAt) / 1000).toBeLessThan(5);
  await screenshot(adviser, screenshotName);

  await adviser.getByRole('button', { name: 'Sign out' }).click();
  await adviser.waitForURL(`${second}/sign-in`);
  await adviser.goto(`${first}/queue`);
  await adviser.waitForURL(/\/sign-in/);
}
