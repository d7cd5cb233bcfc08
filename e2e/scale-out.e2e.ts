import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, screenshot, signedInDemo, skipReason, useBrowser } from './support/browser';
import { startHarbour, type HarbourProcess } from './support/harbour-process';
import { fillCallbackRequest, newVisitor, sendCallbackRequest } from './support/public-form';

// Harbour scales out by running more identical processes behind a load balancer: sessions
// live in PostgreSQL and changes travel by LISTEN/NOTIFY, never in one process's memory.
// This starts a second built server on the same database as the first and uses both.

const databaseUrl = process.env.TEST_DATABASE_URL ?? '';
const needsPostgres = databaseUrl
  ? ''
  : 'two processes cannot share the embedded PGlite: set TEST_DATABASE_URL to a PostgreSQL database (.ci/run does)';
if (needsPostgres && skipReason() === '') console.warn(`Skipping the scale-out test: ${needsPostgres}`);

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
    // Signed in on the first process…
    const adviser = await signedInDemo(browser, 'adviser@harbour.test');

    // …and working on the second, with its live updates flowing.
    await adviser.goto(`${second.baseUrl}/queue`);
    await adviser.getByRole('heading', { name: 'Callback queue' }).waitFor();
    await adviser.locator('.live--live').waitFor();
    expect(new URL(adviser.url()).origin).toBe(second.baseUrl);

    // A member of the public asks the first process for a callback.
    const visitor = await newVisitor(browser);
    await fillCallbackRequest(visitor, { fullName: 'Morgan Scale', phone: `07400 ${String(600000 + (Date.now() % 100000)).slice(-6)}` });
    const sentAt = Date.now();
    const reference = await sendCallbackRequest(visitor);

    // The queue on the second process shows it without a reload: NOTIFY crossed between them.
    await adviser.getByRole('link', { name: reference }).waitFor({ timeout: 5_000 });
    const secondsToArrive = (Date.now() - sentAt) / 1000;
    expect(secondsToArrive).toBeLessThan(5);
    await screenshot(adviser, 'scale-out-second-process-queue');

    // Signing out on the second ends the session on the first too.
    await adviser.getByRole('button', { name: 'Sign out' }).click();
    await adviser.waitForURL(`${second.baseUrl}/sign-in`);
    await adviser.goto(`${baseUrl()}/queue`);
    await adviser.waitForURL(/\/sign-in/);
  });
});
