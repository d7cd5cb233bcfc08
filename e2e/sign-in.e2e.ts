import { describe, expect, it } from 'vitest';
import { baseUrl, mainNavigationLinks, screenshot, seriousAccessibilityViolations, signIn, skipReason, useBrowser } from './support/browser';

describe.skipIf(skipReason() !== '')('signing in', () => {
  const browser = useBrowser();

  it.each([
    { email: 'adviser@harbour.test', landing: '/queue', links: ['Callback queue', 'My work', 'Cases', 'Check-ins', 'Clinics', 'Your account'] },
    { email: 'lead@harbour.test', landing: '/queue', links: ['Callback queue', 'My work', 'Cases', 'Pipeline', 'Check-ins', 'Clinics', 'Reports', 'Your account'] },
    { email: 'manager@harbour.test', landing: '/queue', links: ['Callback queue', 'My work', 'Cases', 'Pipeline', 'Check-ins', 'Clinics', 'Reports', 'Staff', 'Privacy', 'Your account'] },
  ])('$email sees only the pages of their role', async ({ email, landing, links }) => {
    const page = await browser.newPage();
    await signIn(page, email, 'harbour-demo');
    await page.waitForURL(`${baseUrl()}${landing}`);
    expect(await mainNavigationLinks(page)).toEqual(links);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${baseUrl()}/sign-in`);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('You have signed out');
    await page.close();
  });

  it('tells someone with a wrong password, and keeps what they typed', async () => {
    const page = await browser.newPage();
    await signIn(page, 'adviser@harbour.test', 'not the password');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toBe('Email or password is wrong');
    expect(await page.getByLabel('Email').inputValue()).toBe('adviser@harbour.test');
    expect(page.url()).toBe(`${baseUrl()}/sign-in`);
    await page.close();
  });

  it('names the field when the form is sent empty, without asking the server', async () => {
    const page = await browser.newPage();
    let loginCalls = 0;
    page.on('request', (request) => {
      if (request.url().includes('/trpc/auth.login')) loginCalls += 1;
    });
    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('.field__error').allTextContents()).toEqual([
      'Error: Enter an email address',
      'Error: Enter your password',
    ]);
    expect(loginCalls).toBe(0);
    await page.close();
  });

  it('sends someone who is not signed in to sign-in, and back where they were going afterwards', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl()}/account`);
    await page.waitForURL(`${baseUrl()}/sign-in`);
    await page.getByLabel('Email').fill('lead@harbour.test');
    await page.getByLabel('Password').fill('harbour-demo');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl()}/account`);
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    await page.close();
  });

  it('returns to sign-in with a message when the session has ended', async () => {
    const page = await browser.newPage();
    await signIn(page, 'manager@harbour.test', 'harbour-demo');
    await page.waitForURL(`${baseUrl()}/queue`);
    // Another tab signing out ends this session on the server, as expiry would.
    const other = await page.context().newPage();
    await other.goto(`${baseUrl()}/account`);
    await other.getByRole('button', { name: 'Sign out' }).click();
    await other.waitForURL(`${baseUrl()}/sign-in`);
    await other.close();
    // The next thing the page asks the server for is refused, and Harbour says why. The live
    // queue may ask first (its stream is refused too) and take the page to sign-in before the
    // click lands; either way is right, so a click on a link already gone is not a failure. If
    // nothing takes the page to sign-in, waitForURL fails the test.
    const signInShown = page.waitForURL(`${baseUrl()}/sign-in`);
    await page
      .getByRole('link', { name: 'Your account' })
      .click({ timeout: 5_000 })
      .catch(() => undefined);
    await signInShown;
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Your session has ended');
    await page.close();
  });

  it('has no serious accessibility problems on the sign-in page', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in to Harbour' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.field__error').first().waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-errors');
    await page.close();
  });
});
