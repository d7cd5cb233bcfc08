import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, screenshot, seriousAccessibilityViolations, signedInDemo, skipReason, useBrowser } from './support/browser';

const column = (page: Page, stage: string) => page.getByRole('list', { name: new RegExp(`^${stage}, \\d+ cases?$`) });
const card = (page: Page, stage: string, reference: string) => column(page, stage).getByRole('link', { name: reference });

/** A case's reference, found the way an adviser would: the search box. */
async function referenceOf(page: Page, name: string): Promise<string> {
  await page.getByRole('searchbox', { name: /Find a case/ }).fill(name);
  const link = page.getByRole('link', { name: new RegExp(name) }).first();
  await link.waitFor();
  const text = (await link.textContent()) ?? '';
  const match = /H-\d{4}-\d{5}/.exec(text);
  if (!match) throw new Error(`No reference in "${text}"`);
  await page.keyboard.press('Escape');
  return match[0];
}

describe.skipIf(skipReason() !== '')('the pipeline board', () => {
  const browser = useBrowser();

  it('a team lead filters the board, moves a card by keyboard, is refused an illegal move with the reason, and sees another person’s move live', async () => {
    const lead = await signedInDemo(browser, 'lead@harbour.test', { isWide: true });
    // Demo: Carys Jones (Wales) called in and agreed to both consents: ready for assessment.
    const carys = await referenceOf(lead, 'Carys Jones');
    await lead.getByRole('link', { name: 'Pipeline', exact: true }).click();
    await lead.getByRole('heading', { level: 1, name: 'Pipeline' }).waitFor();
    const enquiries = async () => Number(/(\d+) cases?$/.exec((await column(lead, 'Enquiry').getAttribute('aria-label')) ?? '')?.[1]);
    const everyEnquiry = await enquiries();

    // Filter to Wales: the address keeps it, Carys is on the board in Enquiry, and fewer with her.
    await lead.getByLabel('Region').selectOption({ label: 'Wales' });
    await expect.poll(() => new URL(lead.url()).searchParams.get('region')).toBe('wales');
    await card(lead, 'Enquiry', carys).waitFor();
    await expect.poll(enquiries).toBeLessThan(everyEnquiry);

    // Refused: straight to Placement, with the reason shown before anything is sent.
    const moveButton = lead.getByRole('button', { name: `Move ${carys}` });
    await moveButton.focus();
    await lead.keyboard.press('Enter');
    const dialog = lead.getByRole('dialog');
    await dialog.getByText('Move one stage at a time: next is Assessment').first().waitFor();
    expect(await dialog.getByRole('radio', { name: 'Placement' }).isDisabled()).toBe(true);
    expect(await seriousAccessibilityViolations(lead)).toEqual([]);
    await screenshot(lead, 'pipeline-move');

    // Moved by keyboard: Assessment, then "Move case".
    await dialog.getByRole('radio', { name: 'Assessment' }).focus();
    await lead.keyboard.press('Space');
    await dialog.getByRole('button', { name: 'Move case' }).focus();
    await lead.keyboard.press('Enter');
    await card(lead, 'Assessment', carys).waitFor();
    expect(await card(lead, 'Enquiry', carys).count()).toBe(0);

    // Another person moves a case on its page; the board shows it without a reload.
    const manager = await signedInDemo(browser, 'manager@harbour.test', { isWide: true });
    await manager.goto(`${baseUrl()}/cases/${carys}`);
    await manager.getByRole('heading', { level: 1, name: /Carys Jones/ }).waitFor();
    await manager.getByLabel('Move to').selectOption({ label: 'Enquiry' });
    await manager.getByLabel('Reason (required)').fill('Assessment booked by mistake; first call still to come');
    await manager.getByRole('button', { name: 'Move case' }).click();
    await card(lead, 'Enquiry', carys).waitFor({ timeout: 15_000 });
    await screenshot(lead, 'pipeline');

    // The stage metrics, for the last 30 days by default.
    await lead.getByRole('link', { name: 'Stage metrics' }).click();
    await lead.getByRole('heading', { level: 1, name: 'Stage metrics' }).waitFor();
    await lead.getByText(/^Of \d+ cases opened, \d+ reached assessment/).waitFor();
    await lead.getByRole('button', { name: 'Last 7 days' }).click();
    await expect.poll(() => new URL(lead.url()).searchParams.get('from')).not.toBeNull();
    await lead.locator('.metrics:not([aria-busy])').waitFor();
    expect(await seriousAccessibilityViolations(lead)).toEqual([]);
  });
});
