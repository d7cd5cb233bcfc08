import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, mainNavigationLinks, screenshot, seriousAccessibilityViolations, signedInDemo, signIn, skipReason, useBrowser, type Browser } from './support/browser';

/** The demo manager, signed in (their session reused while it lasts), on the staff page. */
async function managerOnStaffPage(browser: Browser): Promise<Page> {
  const page = await signedInDemo(browser, 'manager@harbour.test');
  await page.getByRole('link', { name: 'Staff' }).click();
  await page.getByRole('heading', { name: 'Staff', exact: true }).waitFor();
  return page;
}

async function addColleague(manager: Page, colleague: { fullName: string; email: string; password: string }): Promise<void> {
  await manager.getByRole('button', { name: 'Add a colleague' }).click();
  await manager.getByLabel('Full name').fill(colleague.fullName);
  await manager.getByLabel('Email').fill(colleague.email);
  await manager.getByLabel('First password').fill(colleague.password);
  await manager.getByRole('button', { name: 'Add colleague' }).click();
  await manager.getByRole('row', { name: new RegExp(colleague.fullName) }).waitFor();
}

describe.skipIf(skipReason() !== '')('managing staff', () => {
  const browser = useBrowser();

  it('lets a manager add a colleague, who can then sign in with their role', async () => {
    const email = `sam.okafor.${Date.now()}@harbour.test`;
    const manager = await managerOnStaffPage(browser);
    await manager.getByRole('button', { name: 'Add a colleague' }).click();

    // A short password is refused in the form, naming the field, and nothing typed is lost.
    await manager.getByLabel('Full name').fill('Sam Okafor');
    await manager.getByLabel('Email').fill(email);
    await manager.getByLabel('Role', { exact: true }).selectOption({ label: 'Team lead' });
    await manager.getByLabel('First password').fill('too short');
    await manager.getByRole('button', { name: 'Add colleague' }).click();
    await expect.poll(() => manager.locator('.field__error').textContent()).toContain('Password must be at least 12 characters');
    expect(await manager.getByLabel('Full name').inputValue()).toBe('Sam Okafor');

    await manager.getByLabel('First password').fill('a long first password');
    await manager.getByRole('button', { name: 'Add colleague' }).click();
    await expect.poll(() => manager.getByRole('status').first().textContent()).toContain('Sam Okafor can now sign in as team lead');
    await manager.getByRole('row', { name: /Sam Okafor/ }).waitFor();
    await screenshot(manager, 'staff-page');

    const colleaguePage = await browser.newPage();
    await signIn(colleaguePage, email, 'a long first password');
    await colleaguePage.waitForURL(`${baseUrl()}/queue`);
    expect(await mainNavigationLinks(colleaguePage)).toEqual(['Callback queue', 'My work', 'Cases', 'Pipeline', 'Check-ins', 'Clinics', 'Reports', 'Your account']);
    await colleaguePage.getByText('Team lead', { exact: true }).first().waitFor();
    await colleaguePage.close();
    await manager.close();
  });

  it('refuses an email that already has an account, on the email field', async () => {
    const page = await managerOnStaffPage(browser);
    await page.getByRole('button', { name: 'Add a colleague' }).click();
    await page.getByLabel('Full name').fill('Someone Else');
    await page.getByLabel('Email').fill('ADVISER@harbour.test');
    await page.getByLabel('First password').fill('a long first password');
    await page.getByRole('button', { name: 'Add colleague' }).click();
    await expect.poll(() => page.locator('.field--error .field__error').textContent()).toContain(
      'A colleague with this email already has an account',
    );
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await page.close();
  });

  it('deactivating a colleague signs them out at once', async () => {
    const email = `leaving.${Date.now()}@harbour.test`;
    const manager = await managerOnStaffPage(browser);
    await addColleague(manager, { fullName: 'Lee Leaving', email, password: 'a long first password' });

    const leaverPage = await browser.newPage();
    await signIn(leaverPage, email, 'a long first password');
    await leaverPage.waitForURL(`${baseUrl()}/queue`);

    const row = manager.getByRole('row', { name: /Lee Leaving/ });
    await row.getByRole('button', { name: 'Deactivate Lee Leaving' }).click();
    await row.getByRole('button', { name: 'Yes, deactivate Lee Leaving' }).click();
    await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe('Deactivated');

    // Their next request is refused: whichever request that is, they land on sign-in.
    await leaverPage.goto(`${baseUrl()}/account`);
    await leaverPage.waitForURL(`${baseUrl()}/sign-in`);
    await leaverPage.getByRole('heading', { name: 'Sign in to Harbour' }).waitFor();
    await leaverPage.close();
    await manager.close();
  });

  it('lets a manager set a new password for a colleague who has forgotten theirs', async () => {
    const manager = await managerOnStaffPage(browser);
    const email = `forgetful.${Date.now()}@harbour.test`;
    await addColleague(manager, { fullName: 'Fran Forgetful', email, password: 'the first password' });
    await manager.getByRole('button', { name: 'Set password for Fran Forgetful' }).click();
    // The form opens with the cursor in it, so the manager can type straight away.
    await manager.keyboard.type('fran has a new password');
    await manager.keyboard.press('Enter');
    await expect.poll(() => manager.getByRole('status').first().textContent()).toContain(
      'Fran Forgetful has a new password and has been signed out everywhere',
    );

    const franPage = await browser.newPage();
    await signIn(franPage, email, 'fran has a new password');
    await franPage.waitForURL(`${baseUrl()}/queue`);
    await franPage.close();
    await manager.close();
  });

  it('keeps the staff page from people who are not managers', async () => {
    const page = await browser.newPage();
    await signIn(page, 'adviser@harbour.test', 'harbour-demo');
    await page.waitForURL(`${baseUrl()}/queue`);
    await page.goto(`${baseUrl()}/staff`);
    await page.getByRole('heading', { name: 'You do not have access to this page' }).waitFor();
    await page.close();
  });

  it('has no serious accessibility problems on the staff page and its form', async () => {
    const page = await managerOnStaffPage(browser);
    await page.getByRole('table').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Add a colleague' }).click();
    await page.getByRole('button', { name: 'Add colleague' }).click();
    await page.locator('.field__error').first().waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});
