import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privatePostgresSkipReason, startPrivatePostgres, type PrivatePostgres } from '../apps/server/src/test/private-postgres';
import { screenshot, seriousAccessibilityViolations, skipReason, useBrowser } from './support/browser';
import { startHarbour, type HarbourProcess } from './support/harbour-process';
import { fillCallbackRequest, newVisitor } from './support/public-form';

// The built app on a PostgreSQL of its own, which this file stops and starts again: what a
// member of the public and an adviser see while the database is out of reach, and after.

const noPostgres = privatePostgresSkipReason() ?? '';
if (noPostgres && skipReason() === '') console.warn(`Skipping the outage test in the browser: ${noPostgres}`);

const OUTAGE_MESSAGE = "Harbour can't reach its database; nothing you entered is lost.";
const PENDING_KEY = 'harbour:pending-callback-request';

describe.skipIf(skipReason() !== '' || noPostgres !== '')('PostgreSQL stopped while Harbour is in use, in the browser', () => {
  const browser = useBrowser();
  let postgres: PrivatePostgres;
  let harbour: HarbourProcess;

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    harbour = await startHarbour({ databaseUrl: postgres.url });
  });
  afterAll(async () => {
    await harbour?.stop();
    await postgres?.destroy();
  });

  const readiness = async () => (await fetch(`${harbour.baseUrl}/readyz`)).status;
  async function waitForReadiness(status: number): Promise<void> {
    const deadline = Date.now() + 10_000;
    while ((await readiness()) !== status) {
      if (Date.now() > deadline) throw new Error(`/readyz did not answer ${status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const pendingIn = (page: Page) => page.evaluate((key) => sessionStorage.getItem(key), PENDING_KEY);

  it('keeps a callback request typed during the outage, says so with the helpline, and sends it once the database is back', async () => {
    const adviser = await browser.newPage();
    await adviser.goto(`${harbour.baseUrl}/sign-in`);
    await adviser.getByLabel('Email').fill('adviser@harbour.test');
    await adviser.getByLabel('Password').fill('harbour-demo');
    await adviser.getByRole('button', { name: 'Sign in' }).click();
    await adviser.waitForURL(`${harbour.baseUrl}/queue`);

    const visitor = await newVisitor(browser);
    await fillCallbackRequest(visitor, { fullName: 'Robin Outage', phone: '07400 555123' }, { at: harbour.baseUrl });

    await postgres.stop('fast');
    await waitForReadiness(503);

    await visitor.getByRole('button', { name: 'Request a callback' }).click();
    const waiting = visitor.getByRole('alert').filter({ hasText: 'Your request has not been sent yet' });
    await waiting.waitFor();
    expect(await waiting.textContent()).toContain('saved on this device and will be sent as soon as Harbour is reachable');
    expect(await waiting.getByRole('link', { name: '0808 157 0192' }).getAttribute('href')).toBe('tel:08081570192');
    expect(await visitor.getByLabel('Your full name').inputValue()).toBe('Robin Outage');
    expect(JSON.parse((await pendingIn(visitor)) ?? '{}')).toMatchObject({ fullName: 'Robin Outage' });
    expect(await seriousAccessibilityViolations(visitor)).toEqual([]);
    await screenshot(visitor, 'outage-callback-waiting');

    // An adviser opening a screen meanwhile is told the same, plainly.
    await adviser.getByRole('link', { name: 'My work' }).click();
    await adviser.getByText(OUTAGE_MESSAGE).first().waitFor({ timeout: 20_000 });
    expect(await adviser.getByText(/Something went wrong/).count()).toBe(0);
    await screenshot(adviser, 'outage-adviser-my-work');

    await postgres.start();
    await waitForReadiness(200);
    await visitor.getByRole('heading', { name: 'We have your request' }).waitFor({ timeout: 20_000 });
    expect(await visitor.locator('.public__reference strong').textContent()).toMatch(/^CB-/);
    expect(await pendingIn(visitor)).toBeNull();
    await screenshot(visitor, 'outage-callback-sent');

    // The adviser's screen comes back by itself: nobody restarts Harbour or presses anything.
    await adviser.getByText(OUTAGE_MESSAGE).waitFor({ state: 'detached', timeout: 15_000 });
    await adviser.getByText('Loading your work…').waitFor({ state: 'detached' });
    expect(await adviser.getByRole('alert').count()).toBe(0);
    await screenshot(adviser, 'outage-adviser-my-work-recovered');
  });
});
