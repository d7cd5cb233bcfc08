import type { Page } from 'playwright-core';
import { baseUrl, type Browser } from './browser';

let visitorSequence = 0;

/**
 * A member of the public on a connection of their own. Harbour trusts X-Forwarded-For from
 * a proxy on the same machine, as it would behind a real one, so each visitor gets their own
 * address (from the documentation range 203.0.113.0/24) and their own rate limit.
 */
export async function newVisitor(browser: Browser): Promise<Page> {
  visitorSequence += 1;
  const page = await browser.newPage();
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': `203.0.113.${(visitorSequence % 250) + 1}` });
  return page;
}

export interface Visitor {
  fullName: string;
  phone: string;
  isInDanger?: boolean;
  message?: string;
}

/** Fills the public form as a person on their phone would, without sending it. */
export async function fillCallbackRequest(page: Page, visitor: Visitor, { at = baseUrl() }: { at?: string } = {}): Promise<void> {
  await page.goto(`${at}/request-callback`);
  await page.getByRole('radio', { name: visitor.isInDanger ? 'Yes' : 'No', exact: true }).check();
  await page.getByLabel('Your full name').fill(visitor.fullName);
  await page.getByLabel('Phone number').fill(visitor.phone);
  await page.getByRole('radio', { name: 'Me', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Alcohol' }).check();
  if (visitor.message) await page.getByLabel(/Anything you would like us to know/).fill(visitor.message);
  await page.getByLabel(/I agree to Harbour Referrals calling me/).check();
}

/** Sends the filled form and returns the reference the person is given. */
export async function sendCallbackRequest(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Request a callback' }).click();
  await page.getByRole('heading', { name: 'We have your request' }).waitFor();
  return ((await page.locator('.public__reference strong').textContent()) ?? '').trim();
}
