import { addDays } from '../packages/shared/src/aftercare';
import { londonDayOf } from '../packages/shared/src/london-day';
import { toUkDate } from '../packages/shared/src/uk-date';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, screenshot, seriousAccessibilityViolations, signIn, skipReason, useBrowser } from './support/browser';

/** A London day `days` from today, typed the UK way. */
const ukDay = (days: number) => toUkDate(addDays(londonDayOf(new Date()), days));

const placementSection = (page: Page) => page.locator('#placement');
const aftercareSection = (page: Page) => page.locator('#aftercare');

/** The outcome of a step: good news is a status message, so it does not interrupt. */
async function saidOnScreen(page: Page, words: RegExp): Promise<void> {
  await page.getByRole('status').filter({ hasText: words }).first().waitFor();
}

describe.skipIf(skipReason() !== '')('placing a client and following them up', () => {
  const browser = useBrowser();

  it('an adviser matches clinics, compares two, proposes, confirms, admits, discharges, and records the first check-in when it falls due', async () => {
    const adviser = await browser.newPage();
    await signIn(adviser, 'adviser@harbour.test', 'harbour-demo');
    await adviser.waitForURL(`${baseUrl()}/queue`);

    // Craig Robson (demo): assessed, drinks daily with a withdrawal seizure in his past, self-funded, in the North East.
    const search = adviser.getByRole('searchbox', { name: /Find a case/ });
    await search.fill('Craig Robson');
    await adviser.getByRole('link', { name: /Craig Robson/ }).first().click();
    await adviser.getByRole('heading', { level: 1, name: /Craig Robson/ }).waitFor();

    // Match: what the case needs, ranked clinics with reasons, and exclusions in words.
    const placement = placementSection(adviser);
    await placement.getByLabel('How far can they travel?').selectOption({ label: 'Anywhere in England and Wales' });
    await placement.getByRole('button', { name: 'Find clinics' }).click();
    await placement.getByRole('heading', { name: /clinics? can take Craig Robson/ }).waitFor();
    await placement.getByText('Excluded because withdrawal could be medically dangerous and it does not offer medically managed detox').first().waitFor({ state: 'attached' });
    const ranked = placement.locator('.ranked-clinic');
    expect(await ranked.count()).toBeGreaterThanOrEqual(3);
    const first = (await ranked.nth(0).locator('h4 a').textContent()) ?? '';
    const second = (await ranked.nth(1).locator('h4 a').textContent()) ?? '';
    await expect.poll(() => ranked.nth(0).getByRole('listitem').first().textContent()).toMatch(/^In /);

    // Compare the top two side by side.
    await ranked.nth(0).getByRole('checkbox', { name: /Compare/ }).check();
    await ranked.nth(1).getByRole('checkbox', { name: /Compare/ }).check();
    const comparison = placement.getByRole('table');
    await comparison.waitFor();
    expect(await comparison.getByRole('columnheader').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining(first), expect.stringContaining(second)]));
    expect(await ranked.nth(2).getByRole('checkbox', { name: /Compare/ }).isDisabled()).toBe(true);
    expect(await seriousAccessibilityViolations(adviser)).toEqual([]);
    await screenshot(adviser, 'placement-matching');

    // Propose the best match at its lowest weekly price, then confirm with the clinic: the fee is frozen.
    await ranked.nth(0).getByRole('button', { name: /Propose/ }).click();
    await placement.getByRole('button', { name: 'Propose this clinic' }).click();
    await saidOnScreen(adviser, /proposed/i);
    await placement.getByRole('button', { name: 'Confirm with clinic' }).click();
    await saidOnScreen(adviser, /fee/i);

    // Admitted ten days ago, discharged seven days ago, written up now: the case moves on each time.
    await placement.getByLabel('Admission date').fill(ukDay(-10));
    await placement.getByRole('button', { name: 'Record admission' }).click();
    await saidOnScreen(adviser, /Admission recorded: the case is now in Placement/);
    await adviser.locator('.case-header').getByText(/Placement/).first().waitFor();
    await placement.getByLabel('Discharge date').fill(ukDay(-7));
    await placement.getByRole('radio', { name: 'Completed the programme' }).check();
    await placement.getByRole('button', { name: 'Record discharge' }).click();
    await saidOnScreen(adviser, /Aftercare/);
    await adviser.locator('.case-header').getByText(/Aftercare/).first().waitFor();

    // The first check-in, seven days after the discharge, is due today; record it.
    const aftercare = aftercareSection(adviser);
    await aftercare.getByRole('cell', { name: ukDay(0) }).first().waitFor();
    await aftercare.getByText('Due today').first().waitFor();
    await aftercare.getByRole('radio', { name: 'Doing well' }).check();
    await aftercare.getByLabel('Notes on the call (optional)').fill('Going to AA twice a week; his sister checks in daily.');
    await aftercare.getByRole('button', { name: 'Record check-in' }).click();
    await saidOnScreen(adviser, /recorded/i);
    await aftercare.getByText('Doing well').first().waitFor();
    expect(await seriousAccessibilityViolations(adviser)).toEqual([]);
    await screenshot(adviser, 'placement-aftercare');

    // Every step is on the timeline.
    const timeline = adviser.locator('#timeline');
    for (const words of [/Admitted to/, /Discharged from/, /7-day check-in/]) await timeline.getByText(words).first().waitFor();

    // On the clinic's page, the adviser who has just rung it confirms the free beds.
    await adviser.getByRole('link', { name: 'Clinics', exact: true }).click();
    await adviser.getByRole('heading', { level: 1, name: 'Clinics' }).waitFor();
    await adviser.getByRole('link', { name: first }).first().click();
    await adviser.getByRole('heading', { level: 1, name: first }).waitFor();
    await adviser.getByLabel('Beds free now').fill('2');
    await adviser.getByRole('button', { name: 'Confirm free beds' }).click();
    await saidOnScreen(adviser, /Free beds confirmed at/);
    await adviser.getByText(/confirmed .* by Amira Shah/).first().waitFor();
    expect(await seriousAccessibilityViolations(adviser)).toEqual([]);
  });

  it('lists check-ins due today and overdue for an adviser', async () => {
    const adviser = await browser.newPage();
    await signIn(adviser, 'adviser@harbour.test', 'harbour-demo');
    await adviser.waitForURL(`${baseUrl()}/queue`);
    await adviser.getByRole('link', { name: 'Check-ins', exact: true }).click();
    await adviser.getByRole('heading', { level: 1 }).filter({ hasText: /check-ins/i }).waitFor();
    // Demo: Martin Cole's 7-day check-in is due today; Jade Wilkinson's 30-day one is overdue.
    await adviser.getByRole('link', { name: /H-\d{4}-\d{5}/ }).first().waitFor();
    await adviser.getByText('Due today').first().waitFor();
    await adviser.getByText(/Overdue by \d+ days?/).first().waitFor();
    expect(await seriousAccessibilityViolations(adviser)).toEqual([]);
  });
});
