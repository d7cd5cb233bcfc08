import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { londonDayOf } from '../packages/shared/src/london-day';
import { baseUrl, screenshot, seriousAccessibilityViolations, signedInDemo, skipReason, useBrowser } from './support/browser';

/** A UK mobile no other test uses, so the person has only the case made here. */
const freshPhone = () => `07400 ${String(700000 + (Date.now() % 100000)).slice(-6)}`;

/** An adviser logs a call from someone ringing for themselves, with a note of what they said. */
async function personWithCase(adviser: Page, name: string): Promise<string> {
  await adviser.goto(`${baseUrl()}/enquiries/new`);
  await adviser.getByRole('radio', { name: 'No', exact: true }).check();
  await adviser.getByLabel("Caller's name").fill(name);
  await adviser.getByLabel('Phone number').fill(freshPhone());
  await adviser.getByRole('radio', { name: 'The caller', exact: true }).check();
  await adviser.getByLabel(/I agree to Harbour Referrals calling me/).check();
  await adviser.getByLabel(/I agree to Harbour Referrals recording/).check();
  await adviser.getByRole('button', { name: 'Open a new enquiry' }).click();
  await adviser.waitForURL(/\/cases\/H-\d{4}-\d{5}$/);
  await adviser.getByRole('heading', { level: 1, name: new RegExp(name) }).waitFor();
  return adviser.url().split('/').pop() ?? '';
}

async function searchFor(page: Page, words: string): Promise<string> {
  const box = page.getByRole('searchbox', { name: 'Find a case' });
  await box.fill(words);
  const status = page.getByRole('search').getByRole('status');
  await status.filter({ hasNotText: 'Searching…' }).waitFor();
  return (await status.textContent()) ?? '';
}

describe.skipIf(skipReason() !== '')('privacy requests', () => {
  const browser = useBrowser();

  it('a manager answers a subject-access request on screen and as JSON, then erases the person', async () => {
    const adviser = await signedInDemo(browser, 'adviser@harbour.test');
    const name = 'Marigold Quennell';
    const reference = await personWithCase(adviser, name);

    const manager = await signedInDemo(browser, 'manager@harbour.test', { isWide: true });
    await manager.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Privacy' }).click();
    await manager.getByRole('heading', { level: 1, name: 'Privacy requests' }).waitFor();
    await manager.getByLabel('Case reference').fill(reference);
    await manager.getByRole('button', { name: 'Find', exact: true }).click();
    await manager.getByRole('heading', { level: 2, name: new RegExp(`^${name}`) }).waitFor();

    // The answer on screen: every section, with who has looked (the adviser, who opened it).
    await manager.getByRole('button', { name: 'Show everything we hold' }).click();
    const answer = manager.getByRole('article', { name: 'What Harbour holds' });
    await answer.waitFor();
    for (const section of ['Contact details and consents', 'Stage history', 'Assessment', 'Finances', 'Notes', 'Callback requests and call attempts', 'Crises', 'Placements', 'Aftercare and check-ins', 'Who has looked at or changed the record']) {
      await answer.getByRole('heading', { name: section, exact: true }).waitFor();
    }
    expect(await answer.textContent()).toContain(name);
    expect(await seriousAccessibilityViolations(manager)).toEqual([]);
    await screenshot(manager, 'privacy-subject-access');

    // The same as a file.
    const [download] = await Promise.all([manager.waitForEvent('download'), manager.getByRole('link', { name: 'Download as JSON' }).click()]);
    expect(download.suggestedFilename()).toBe(`harbour-subject-access-${reference}.json`);
    const file = JSON.parse(await readFile((await download.path())!, 'utf8')) as { references: string[]; cases: Array<{ callerName: string }> };
    expect(file.references).toEqual([reference]);
    expect(file.cases[0]?.callerName).toBe(name);

    // Erasure: the ground chosen and the reference typed.
    const erase = manager.getByRole('form', { name: 'Erase this person' });
    await erase.getByLabel('Reason').selectOption({ label: 'The person asked us to erase their details' });
    await erase.getByLabel(`Type ${reference} to confirm`).fill(reference);
    await erase.getByRole('button', { name: 'Erase for good' }).scrollIntoViewIfNeeded();
    await screenshot(manager, 'privacy-erase-confirmation');
    await erase.getByRole('button', { name: 'Erase for good' }).click();
    await manager.getByText(/^Erased: 1 case and 0 callback requests/).waitFor();
    expect(await seriousAccessibilityViolations(manager)).toEqual([]);

    // The case now reads Erased, and the name is found nowhere.
    await adviser.goto(`${baseUrl()}/cases/${reference}`);
    await adviser.getByRole('heading', { level: 1, name: new RegExp(`^Erased ${reference}`) }).waitFor();
    expect(await adviser.locator('main').textContent()).not.toContain('Marigold');
    // A name search finds names like the one typed, so another person may come up; never her.
    await searchFor(adviser, 'Marigold Quennell');
    const found = await adviser.getByRole('search').getByRole('listitem').allTextContents();
    expect(found.join(' ')).not.toMatch(new RegExp(`Marigold|${reference}`));
    await screenshot(adviser, 'privacy-erased-case');
  });

  it('a manager records that someone withdrew consent to contact, and the adviser sees "Do not contact" and cannot plan a call', async () => {
    const adviser = await signedInDemo(browser, 'adviser@harbour.test');
    const reference = await personWithCase(adviser, 'Ottoline Brackenbury');

    const manager = await signedInDemo(browser, 'manager@harbour.test');
    await manager.goto(`${baseUrl()}/privacy?reference=${reference}`);
    const form = manager.getByRole('form', { name: 'Record withdrawal of consent to contact' });
    await form.getByLabel('Date they told us').fill(londonDayOf(new Date()).split('-').reverse().join('/'));
    await form.getByLabel('How they told us').selectOption({ label: 'By phone' });
    await form.getByRole('button', { name: 'Record: do not contact' }).click();
    await manager.getByText('Recorded: do not contact. No callback request was waiting.').waitFor();

    await adviser.reload();
    const banner = adviser.getByRole('alert').filter({ hasText: 'Do not contact' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('(by phone), recorded by Grace Owusu');
    await adviser.getByLabel('What happens next').fill('Ring to check on them');
    await adviser.getByRole('button', { name: 'Set next action' }).click();
    await adviser.getByText('Ottoline Brackenbury withdrew consent to be contacted on').waitFor();
    expect(await seriousAccessibilityViolations(adviser)).toEqual([]);
    await screenshot(adviser, 'privacy-do-not-contact');
  });
});
