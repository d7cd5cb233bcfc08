import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, screenshot, seriousAccessibilityViolations, signedInDemo, skipReason, useBrowser, type Browser } from './support/browser';
import { fillCallbackRequest, newVisitor, sendCallbackRequest } from './support/public-form';

let phoneSequence = 0;
/** A distinct valid UK mobile per test, so earlier tests' cases do not show as previous contacts. */
function nextPhone(): string {
  phoneSequence += 1;
  return `07400 ${String(700000 + Date.now() % 100000 + phoneSequence).slice(-6)}`;
}

async function signedInAt(browser: Browser, email: string): Promise<Page> {
  const page = await signedInDemo(browser, email);
  await page.getByRole('table').waitFor();
  return page;
}

async function logCall(page: Page, outcome: string): Promise<void> {
  await page.getByRole('radio', { name: outcome, exact: true }).check();
  await page.getByRole('button', { name: 'Save call' }).click();
  await page.getByText(/^Saved\./).waitFor();
}

describe.skipIf(skipReason() !== '')('callback requests', () => {
  const browser = useBrowser();

  it('a request from the public appears live in an adviser’s queue, who claims it, reaches them and opens the case', async () => {
    const adviser = await signedInAt(browser, 'adviser@harbour.test');
    await adviser.locator('.live--live').waitFor();

    const visitor = await newVisitor(browser);
    await fillCallbackRequest(visitor, { fullName: 'Robin Live', phone: nextPhone() });
    const sentAt = Date.now();
    const reference = await sendCallbackRequest(visitor);
    expect(reference).toMatch(/^CB-[0-9A-Z]{6}$/);

    // No reload: the queue is told over server-sent events.
    await adviser.getByRole('link', { name: reference }).waitFor({ timeout: 2_000 });
    expect(Date.now() - sentAt).toBeLessThan(2_000);

    await adviser.getByRole('button', { name: `Claim ${reference}` }).click();
    await adviser.waitForURL(/\/callbacks\//);
    await adviser.getByRole('heading', { name: /Robin Live/ }).waitFor();
    await logCall(adviser, 'Answered');
    await adviser.getByRole('button', { name: 'Open a new enquiry' }).click();
    await adviser.waitForURL(/\/cases\/H-\d{4}-\d{5}$/);
    await adviser.getByRole('heading', { name: /Robin Live/ }).waitFor();
    // The request, in the caller's own words, stays on the case.
    await adviser.getByRole('region', { name: 'Callback requests' }).getByRole('link', { name: reference }).waitFor();
    await screenshot(adviser, 'case-page');
    await visitor.close();
    await adviser.close();
  });

  it('shows what to do at once when someone is in danger, alerts a team lead wherever they are, and puts the request first', async () => {
    const lead = await signedInAt(browser, 'lead@harbour.test');
    await lead.getByRole('link', { name: 'Your account' }).click();
    await lead.getByRole('heading', { name: 'Your account' }).waitFor();

    const visitor = await newVisitor(browser);
    await visitor.goto(`${baseUrl()}/request-callback`);
    await visitor.getByRole('radio', { name: 'Yes', exact: true }).check();
    const crisis = visitor.getByRole('alert').filter({ hasText: 'get help straight away' });
    await crisis.waitFor();
    expect(await crisis.textContent()).toContain('Call 999');
    expect(await crisis.textContent()).toContain('116 123');
    expect(await crisis.textContent()).toContain('NHS 111, option 2');
    expect(await seriousAccessibilityViolations(visitor)).toEqual([]);

    await fillCallbackRequest(visitor, { fullName: 'Casey Danger', phone: nextPhone(), isInDanger: true });
    const reference = await sendCallbackRequest(visitor);
    await visitor.getByText('We are treating this as urgent.').waitFor();

    // The team lead is on another page: a banner tells them, live, without a reload.
    await lead.getByRole('alert').filter({ hasText: 'waiting with nobody on it' }).getByRole('link', { name: reference }).waitFor({ timeout: 3_000 });

    // Urgent requests come before every other, in order of due time among themselves.
    const adviser = await signedInAt(browser, 'adviser@harbour.test');
    const rows = await adviser.locator('tbody tr').allTextContents();
    const position = rows.findIndex((row) => row.includes(reference));
    expect(rows[position]).toContain('Urgent: danger');
    expect(rows.slice(0, position).every((row) => row.includes('Urgent'))).toBe(true);
    await visitor.close();
    await adviser.close();
  });

  it('names the field at fault and keeps what was typed, and survives a lost connection', async () => {
    const visitor = await newVisitor(browser);
    await fillCallbackRequest(visitor, { fullName: 'Jamie Typo', phone: '0123', message: 'Please call after work.' });
    await visitor.getByRole('button', { name: 'Request a callback' }).click();
    await visitor.getByText('Enter a UK phone number, like 07400 123456 or 020 7946 0000').waitFor();
    expect(await visitor.getByLabel('Phone number').getAttribute('aria-invalid')).toBe('true');
    expect(await visitor.getByLabel('Your full name').inputValue()).toBe('Jamie Typo');
    expect(await seriousAccessibilityViolations(visitor)).toEqual([]);

    await visitor.getByLabel('Phone number').fill(nextPhone());
    await visitor.route('**/trpc/callbacks.request**', (route) => route.abort('internetdisconnected'));
    await visitor.getByRole('button', { name: 'Request a callback' }).click();
    await visitor.getByText(/Your request is saved on this device/).waitFor();
    expect(await visitor.getByLabel(/Anything you would like us to know/).inputValue()).toBe('Please call after work.');

    // Once the connection is back the form sends it by itself, and only then says it arrived.
    await visitor.unroute('**/trpc/callbacks.request**');
    await visitor.getByRole('heading', { name: 'We have your request' }).waitFor({ timeout: 20_000 });
    expect(((await visitor.locator('.public__reference strong').textContent()) ?? '').trim()).toMatch(/^CB-/);
    await visitor.close();
  });

  it('tells someone sending request after request from one connection what to do instead', async () => {
    const visitor = await newVisitor(browser);
    for (let request = 1; request <= 5; request += 1) {
      await fillCallbackRequest(visitor, { fullName: 'Pat Repeat', phone: nextPhone() });
      await sendCallbackRequest(visitor);
    }
    await fillCallbackRequest(visitor, { fullName: 'Pat Repeat', phone: nextPhone() });
    await visitor.getByRole('button', { name: 'Request a callback' }).click();
    const refusal = visitor.getByRole('alert').filter({ hasText: 'several requests from your connection' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('call us on 0808 157 0192');
    expect(await refusal.textContent()).toContain('call 999');
    expect(await visitor.getByLabel('Your full name').inputValue()).toBe('Pat Repeat');
    await visitor.close();
  });

  it('tries an unanswered person again on schedule, never gives up after four quick tries, and a team lead reopens someone we could not reach', async () => {
    const visitor = await newVisitor(browser);
    await fillCallbackRequest(visitor, { fullName: 'Alex Retry', phone: nextPhone() });
    const reference = await sendCallbackRequest(visitor);
    await visitor.close();

    const adviser = await signedInAt(browser, 'adviser@harbour.test');
    for (const [call, outcome] of ['No answer', 'Left voicemail', 'No answer', 'Left voicemail'].entries()) {
      await adviser.goto(`${baseUrl()}/queue`);
      await adviser.getByRole('button', { name: `Claim ${reference}` }).click();
      await adviser.waitForURL(/\/callbacks\//);
      await logCall(adviser, outcome);
      // The first miss books a retry in 30 minutes; calls made before then do not move it on.
      await expect.poll(() => adviser.locator('.page-header__meta').textContent()).toMatch(new RegExp(`due in (30|29) min · ${call + 1} calls? so far`));
    }
    await adviser.goto(`${baseUrl()}/queue`);
    await adviser.getByRole('link', { name: reference }).waitFor();

    // The demo data holds someone four calls could not reach, on schedule, three days ago.
    const lead = await signedInAt(browser, 'lead@harbour.test');
    await lead.getByRole('heading', { name: 'Team today' }).waitFor();
    expect(await seriousAccessibilityViolations(lead)).toEqual([]);
    const unreachable = lead.locator('li', { hasText: 'Jordan Blake' });
    const unreachableReference = (await unreachable.getByRole('link').textContent()) ?? '';
    await unreachable.getByRole('link').click();
    await lead.getByText(/^Unreachable/).waitFor();
    await lead.getByRole('button', { name: 'Reopen for more calls' }).click();
    await lead.getByText('Reopened: the request is due now.').waitFor();
    await lead.getByRole('link', { name: 'Callback queue' }).first().click();
    await lead.locator('tbody').getByRole('link', { name: unreachableReference }).waitFor();
  });

  it('a team lead sees who holds what and can release a claim, which the adviser sees go', async () => {
    const adviser = await signedInAt(browser, 'adviser@harbour.test');
    await adviser.getByRole('button', { name: 'Take next call' }).click();
    await adviser.waitForURL(/\/callbacks\//);
    const heading = (await adviser.locator('.heading-reference').textContent()) ?? '';

    const lead = await signedInAt(browser, 'lead@harbour.test');
    await lead.getByText(/Amira Shah: /).waitFor();
    const row = lead.getByRole('row', { name: new RegExp(heading) });
    expect(await row.textContent()).toContain('Amira Shah');
    await row.getByRole('button', { name: `Release ${heading}` }).click();
    await row.getByRole('button', { name: `Claim ${heading}` }).waitFor();

    // The adviser's page learns of it live and no longer offers the call form.
    await adviser.getByText('Not claimed').waitFor({ timeout: 3_000 });
    await screenshot(lead, 'team-lead-queue');
    await lead.close();
    await adviser.close();
  });

  it('logs an inbound call, finds the person’s earlier case and continues it', async () => {
    const phone = nextPhone();
    const visitor = await newVisitor(browser);
    await fillCallbackRequest(visitor, { fullName: 'Morgan Returning', phone });
    const reference = await sendCallbackRequest(visitor);
    await visitor.close();

    const adviser = await signedInAt(browser, 'adviser@harbour.test');
    await adviser.getByRole('button', { name: `Claim ${reference}` }).click();
    await adviser.waitForURL(/\/callbacks\//);
    await logCall(adviser, 'Answered');
    await adviser.getByRole('button', { name: 'Open a new enquiry' }).click();
    await adviser.waitForURL(/\/cases\//);
    const caseReference = adviser.url().split('/').pop() ?? '';

    await adviser.goto(`${baseUrl()}/queue`);
    await adviser.getByRole('link', { name: 'Log inbound call' }).click();
    await adviser.getByRole('radio', { name: 'No', exact: true }).check();
    await adviser.getByLabel("Caller's name").fill('Morgan Returning');
    await adviser.getByLabel('Phone number').fill(phone.replace(/^0/, '+44 '));
    await adviser.getByRole('link', { name: caseReference }).waitFor();
    expect(await seriousAccessibilityViolations(adviser)).toEqual([]);
    await adviser.getByLabel(/I agree to Harbour Referrals calling me/).check();
    await adviser.getByRole('button', { name: `Continue this case ${caseReference}` }).click();
    await adviser.waitForURL(`${baseUrl()}/cases/${caseReference}`);
    await adviser.close();
  });
});
