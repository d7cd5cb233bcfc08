import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { londonDayOf } from '../packages/shared/src/london-day';
import { describe, expect, it } from 'vitest';
import { baseUrl, mainNavigationLinks, screenshot, seriousAccessibilityViolations, signedInDemo, skipReason, useBrowser } from './support/browser';

/** Clicks a download link and reads the file the browser saved. */
async function downloaded(page: Page, link: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
  const failure = await download.failure();
  if (failure) throw new Error(`${link} failed: ${failure}`);
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

/** Last month, by London's calendar, as the report's default period. */
const lastMonth = () => {
  const [year, month] = londonDayOf(new Date()).split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 2, 1));
  const last = new Date(Date.UTC(year, month - 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
};

describe.skipIf(skipReason() !== '')('reports', () => {
  const browser = useBrowser();

  it("a manager produces last month's placement report, filters it, downloads it as CSV, Excel and PDF, and reads the dashboards", async () => {
    const manager = await signedInDemo(browser, 'manager@harbour.test', { isWide: true });
    await manager.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await manager.getByRole('heading', { level: 1, name: 'Placement report' }).waitFor();

    // It opens on last month by admission date.
    const { from, to } = lastMonth();
    const heading = manager.getByRole('heading', { level: 2, name: /^Placements admitted from/ });
    await heading.waitFor();
    expect(await heading.textContent()).toBe(`Placements admitted from ${from.split('-').reverse().join('/')} to ${to.split('-').reverse().join('/')}`);
    const table = manager.getByRole('table', { name: /^Placements admitted from/ });
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(3);
    expect(await seriousAccessibilityViolations(manager)).toEqual([]);
    await screenshot(manager, 'reports-placements');

    // Filtered to self-funded placements: the address keeps it, every row is self-funded.
    await manager.getByLabel('Funding route').selectOption({ label: 'Self-funded' });
    await manager.getByRole('button', { name: 'Show report' }).click();
    await manager.getByRole('heading', { level: 2, name: /· Funding: Self-funded$/ }).waitFor();
    expect(new URL(manager.url()).searchParams.get('fundingRoute')).toBe('self_funded');
    // The last report stays on screen, dimmed, until the new one arrives.
    await manager.locator('section.report:not([aria-busy])').waitFor();
    const shown = await rows.count();
    expect(shown).toBeGreaterThan(0);
    const fundingColumn = (await table.locator('thead th').allTextContents()).indexOf('Funding');
    const funding = await rows.locator(`:nth-child(${fundingColumn + 1})`).allTextContents();
    expect(new Set(funding)).toEqual(new Set(['Self-funded']));

    // The CSV is what is on screen: the same rows, then the totals.
    const csv = await downloaded(manager, 'Download CSV');
    expect(csv.name).toBe(`harbour-placements-${from}-to-${to}.csv`);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Case,Client,Proposed,Admitted,Discharged,/);
    expect(lines).toHaveLength(shown + 2);
    expect(lines.at(-1)).toMatch(/^Totals,/);

    const xlsx = await downloaded(manager, 'Download Excel workbook');
    expect(xlsx.name).toBe(`harbour-placements-${from}-to-${to}.xlsx`);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const pdf = await downloaded(manager, 'Download PDF summary');
    expect(pdf.name).toBe(`harbour-placements-${from}-to-${to}.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The manager's dashboard: charts, each readable as a table.
    await manager.getByRole('navigation', { name: 'Reports' }).getByRole('link', { name: 'Service dashboard' }).click();
    await manager.getByRole('img', { name: /^Admissions per month, / }).waitFor();
    await manager.getByRole('button', { name: /^Show as a table\W+Fees per month$/ }).click();
    expect(await manager.getByRole('table', { name: 'Fees per month' }).locator('tbody tr').count()).toBe(12);
    expect(await seriousAccessibilityViolations(manager)).toEqual([]);
    await screenshot(manager, 'reports-service-dashboard');

    // The team lead's dashboard.
    await manager.getByRole('navigation', { name: 'Reports' }).getByRole('link', { name: 'Shift dashboard' }).click();
    await manager.getByRole('img', { name: /^Callbacks made in time, by day, / }).waitFor();
    await manager.getByRole('table', { name: "Each adviser's open work" }).waitFor();
    expect(await seriousAccessibilityViolations(manager)).toEqual([]);
    await screenshot(manager, 'reports-shift-dashboard');
  });

  it('a team lead reads the report without downloads; an adviser has no reports and is refused a download', async () => {
    const lead = await signedInDemo(browser, 'lead@harbour.test', { isWide: true });
    await lead.goto(`${baseUrl()}/reports`);
    await lead.getByRole('heading', { level: 2, name: /^Placements admitted from/ }).waitFor();
    expect(await lead.getByRole('link', { name: /^Download/ }).count()).toBe(0);
    expect((await lead.request.get(`${baseUrl()}/api/reports/placements.csv?from=01/10/2026&to=31/10/2026`)).status()).toBe(403);

    const adviser = await signedInDemo(browser, 'adviser@harbour.test', { isWide: true });
    expect(await mainNavigationLinks(adviser)).not.toContain('Reports');
    await adviser.goto(`${baseUrl()}/reports`);
    await adviser.getByRole('heading', { level: 1, name: 'You do not have access to this page' }).waitFor();
    const refused = await adviser.request.get(`${baseUrl()}/api/reports/placements.csv?from=01/10/2026&to=31/10/2026`);
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toEqual({ error: 'Only managers can download reports.' });
  });
});
