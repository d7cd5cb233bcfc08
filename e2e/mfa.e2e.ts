import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { base32Decode } from '../apps/server/src/features/mfa/totp';
import { baseUrl, enterSignInCode, screenshot, seriousAccessibilityViolations, signIn, skipReason, unusedCode, useBrowser } from './support/browser';

const PASSWORD = 'a long first password';

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(`${baseUrl()}/sign-in`);
}

async function passwordStep(page: Page, email: string): Promise<void> {
  await page.goto(`${baseUrl()}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Enter your code' }).waitFor();
}

describe.skipIf(skipReason() !== '')('two-step sign-in', () => {
  const browser = useBrowser();

  it('a new manager is made to set it up, keeps recovery codes, and signs in with a code or a recovery code once', async () => {
    const email = `nia.manager.${Date.now()}@harbour.test`;

    // The demo manager (through the code step, with the demo key) adds a manager.
    const lead = await browser.newPage();
    await signIn(lead, 'manager@harbour.test', 'harbour-demo');
    await lead.waitForURL(`${baseUrl()}/queue`);
    await lead.getByRole('link', { name: 'Staff' }).click();
    await lead.getByRole('button', { name: 'Add a colleague' }).click();
    await lead.getByLabel('Full name').fill('Nia Manager');
    await lead.getByLabel('Email').fill(email);
    await lead.getByLabel('Role', { exact: true }).selectOption({ label: 'Manager' });
    await lead.getByLabel('First password').fill(PASSWORD);
    await lead.getByRole('button', { name: 'Add colleague' }).click();
    await lead.getByRole('row', { name: /Nia Manager/ }).waitFor();

    // Her first sign-in goes straight to setting it up, wherever she was heading.
    const nia = await browser.newPage();
    await signIn(nia, email, PASSWORD);
    await nia.waitForURL(`${baseUrl()}/set-up-two-step`);
    await nia.getByRole('heading', { name: 'Set up two-step sign-in' }).waitFor();
    await nia.getByText('managers can see every case').waitFor();
    await nia.goto(`${baseUrl()}/reports`);
    await nia.waitForURL(`${baseUrl()}/set-up-two-step`);

    // She reads the key beside the QR code, as someone who cannot scan would.
    const qr = nia.getByRole('img', { name: 'QR code to add Harbour to your authenticator app' });
    await qr.waitFor();
    expect(await qr.evaluate((image: HTMLImageElement) => image.naturalWidth > 0)).toBe(true);
    const keyText = (await nia.locator('.two-step-setup__key').textContent()) ?? '';
    expect(keyText).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    const key = base32Decode(keyText);
    expect(await nia.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe('one-time-code');
    expect(await seriousAccessibilityViolations(nia)).toEqual([]);
    await screenshot(nia, 'two-step-setup');

    await nia.getByLabel('Code from your app').fill(await unusedCode(nia, key));
    await nia.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    const list = nia.getByRole('list', { name: 'Recovery codes' });
    await list.waitFor();
    const recoveryCodes = await list.getByRole('listitem').allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    expect(await seriousAccessibilityViolations(nia)).toEqual([]);
    await screenshot(nia, 'two-step-recovery-codes');
    await nia.getByRole('button', { name: 'Continue to Harbour' }).click();
    await nia.waitForURL(`${baseUrl()}/queue`);
    await signOut(nia);

    // Signing in again asks for a code from her app.
    await passwordStep(nia, email);
    expect(await seriousAccessibilityViolations(nia)).toEqual([]);
    await screenshot(nia, 'two-step-code-step');
    await enterSignInCode(nia, key);
    await nia.waitForURL(`${baseUrl()}/queue`);
    await signOut(nia);

    // A recovery code works once.
    await passwordStep(nia, email);
    await nia.getByRole('button', { name: 'Lost your phone? Use a recovery code' }).click();
    await nia.getByLabel('Recovery code').fill(recoveryCodes[0]!);
    await nia.getByRole('button', { name: 'Continue' }).click();
    await nia.waitForURL(`${baseUrl()}/queue`);
    await nia.goto(`${baseUrl()}/account`);
    await nia.getByText('9 recovery codes').waitFor();
    await signOut(nia);

    await passwordStep(nia, email);
    await nia.getByRole('button', { name: 'Lost your phone? Use a recovery code' }).click();
    await nia.getByLabel('Recovery code').fill(recoveryCodes[0]!);
    await nia.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => nia.locator('.field__error').textContent()).toContain('That code is wrong');
    expect(new URL(nia.url()).pathname).toBe('/sign-in');
    // A code from the app still gets her in.
    await nia.getByRole('button', { name: 'Use a code from your app instead' }).click();
    await enterSignInCode(nia, key);
    await nia.waitForURL(`${baseUrl()}/queue`);

    // The demo manager sees her sessions and two-step sign-in, and signs her out everywhere.
    await lead.reload();
    const row = lead.getByRole('row', { name: /Nia Manager/ });
    await row.getByText('Two-step on').waitFor();
    expect(await seriousAccessibilityViolations(lead)).toEqual([]);
    await screenshot(lead, 'staff-sign-in-security');
    await row.getByRole('button', { name: 'Sign out everywhere Nia Manager' }).click();
    await row.getByRole('button', { name: 'Yes, sign out Nia Manager' }).click();
    await expect.poll(() => lead.getByRole('status').first().textContent()).toContain('Nia Manager has been signed out of 1 session');
    await nia.goto(`${baseUrl()}/account`);
    await nia.waitForURL(`${baseUrl()}/sign-in`);
    await nia.close();
    await lead.close();
  });

  it('shows how many other sessions are live on the account page and signs them out', async () => {
    const elsewhere = await browser.newPage();
    await signIn(elsewhere, 'adviser@harbour.test', 'harbour-demo');
    await elsewhere.waitForURL(`${baseUrl()}/queue`);
    const here = await browser.newPage();
    await signIn(here, 'adviser@harbour.test', 'harbour-demo');
    await here.waitForURL(`${baseUrl()}/queue`);
    await here.goto(`${baseUrl()}/account`);
    await here.getByRole('heading', { name: 'Two-step sign-in' }).waitFor();
    await here.getByRole('button', { name: 'Sign out other sessions' }).waitFor();
    expect(await seriousAccessibilityViolations(here)).toEqual([]);
    await screenshot(here, 'account-two-step-and-sessions');
    await here.getByRole('button', { name: 'Sign out other sessions' }).click();
    await here.getByText(/Signed out of \d+ other sessions?\./).waitFor();

    await elsewhere.goto(`${baseUrl()}/account`);
    await elsewhere.waitForURL(`${baseUrl()}/sign-in`);
    await here.goto(`${baseUrl()}/queue`);
    await here.waitForURL(`${baseUrl()}/queue`);
    await here.close();
    await elsewhere.close();
  });
});
