import { criteria, riskFactorLabels } from '../packages/shared/src/assessment';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, screenshot, seriousAccessibilityViolations, signedInDemo, skipReason, useBrowser } from './support/browser';

let sequence = 0;
/** A UK mobile no earlier test used, so the duplicate check finds nobody. */
function freshPhone(): string {
  sequence += 1;
  return `07400 ${String(300000 + (Date.now() % 100000) + sequence).slice(-6)}`;
}

/** Logs an inbound call from someone calling for themselves and lands on their new case. */
async function openCaseFromInboundCall(adviser: Page, callerName: string, phone = freshPhone()): Promise<string> {
  await adviser.goto(`${baseUrl()}/enquiries/new`);
  await adviser.getByRole('radio', { name: 'No', exact: true }).check();
  await adviser.getByLabel("Caller's name").fill(callerName);
  await adviser.getByLabel('Phone number').fill(phone);
  await adviser.getByRole('radio', { name: 'The caller', exact: true }).check();
  await adviser.getByLabel(/I agree to Harbour Referrals calling me/).check();
  await adviser.getByLabel(/I agree to Harbour Referrals recording/).check();
  await adviser.getByRole('button', { name: 'Open a new enquiry' }).click();
  await adviser.waitForURL(/\/cases\/H-\d{4}-\d{5}$/);
  await adviser.getByRole('heading', { level: 1, name: new RegExp(callerName) }).waitFor();
  return adviser.url().split('/').pop() ?? '';
}

const question = (page: Page, legend: string) => page.getByRole('group', { name: legend, exact: true });

async function answer(page: Page, legend: string, choice: string): Promise<void> {
  await question(page, legend).getByRole('radio', { name: choice, exact: true }).check();
}

const summary = (page: Page) => page.getByRole('complementary', { name: 'Summary' });

describe.skipIf(skipReason() !== '')('the case record', () => {
  const browser = useBrowser();

  it('an adviser runs a whole assessment as the caller talks: severity and risk as they tick, the crisis protocol, and the team lead alerted live', async () => {
    const lead = await signedInDemo(browser, 'lead@harbour.test');
    await lead.getByRole('link', { name: 'Your account' }).click();
    await lead.getByRole('heading', { name: 'Your account' }).waitFor();

    const adviser = await signedInDemo(browser, 'adviser@harbour.test');
    const reference = await openCaseFromInboundCall(adviser, 'Dominic Fairweather');

    // Contact: the details that decide how we may call back.
    await adviser.getByRole('button', { name: 'Edit contact details' }).click();
    await adviser.getByLabel('Date of birth').fill('17/05/1990');
    await adviser.getByLabel('Postcode').fill('ls1 4dy');
    await adviser.getByLabel('Region').selectOption({ label: 'Yorkshire and the Humber' });
    await answer(adviser, 'Is it safe to leave a voicemail?', 'No');
    await answer(adviser, 'Is it safe to say who we are if someone else answers?', 'No');
    await adviser.getByRole('button', { name: 'Save contact details' }).click();
    await adviser.getByText('Not safe: do not leave a message').waitFor();
    await adviser.getByText('LS1 4DY, Yorkshire and the Humber').waitFor();
    expect(await adviser.getByRole('heading', { level: 1 }).textContent()).toContain('Dominic Fairweather, ');

    // Substances: daily drinking, which alone makes withdrawal medically risky.
    await adviser.getByLabel('Substance', { exact: true }).first().selectOption({ label: 'Alcohol' });
    await adviser.getByRole('radio', { name: 'Primary substance' }).first().check();
    await adviser.getByLabel('How often').first().selectOption({ label: 'Every day' });
    await adviser.getByLabel('Years of use').first().fill('8');
    await adviser.getByRole('heading', { name: 'Alcohol: AUDIT' }).waitFor();

    // Severity, shown as the adviser ticks: six criteria met is severe.
    for (const [index, criterion] of criteria.entries()) await answer(adviser, criterion.question, index < 6 ? 'Yes' : 'No');
    await summary(adviser).getByText(/Severe/).waitFor();

    // Risk: a plan to end their life opens the protocol at once, before anything is saved.
    await question(adviser, riskFactorLabels.suicidalThoughts).getByRole('radio', { name: /with a plan or intent/ }).check();
    await adviser.getByRole('heading', { name: 'Crisis protocol: someone may be in danger now' }).waitFor();
    expect(await adviser.locator('.case-header').getByText('Risk: Immediate').count()).toBe(1);

    // The team lead, on another page entirely, is told without reloading.
    const alert = lead.getByRole('alert').filter({ hasText: 'Crisis protocol open' });
    await alert.getByRole('link', { name: new RegExp(reference) }).waitFor({ timeout: 3_000 });
    await screenshot(lead, 'team-lead-crisis-alert');

    // The protocol closes only with the action recorded.
    await adviser.getByRole('button', { name: 'Record action and close the protocol' }).click();
    await adviser.getByText('Tick at least one action taken').waitFor();
    await adviser.getByRole('checkbox', { name: 'Put them through to NHS 111, option 2' }).check();
    await adviser.getByRole('checkbox', { name: 'Agreed a safety plan and a time to call back' }).check();
    await adviser.getByRole('button', { name: 'Record action and close the protocol' }).click();
    await adviser.getByRole('heading', { name: 'Crisis protocol: someone may be in danger now' }).waitFor({ state: 'detached' });
    await alert.getByRole('link', { name: new RegExp(reference) }).waitFor({ state: 'detached', timeout: 3_000 });

    for (const factor of ['selfHarm', 'harmToOthers', 'childrenOrVulnerableAdultsAtHome', 'pregnancy', 'injecting', 'overdoseInLast12Months'] as const) {
      await answer(adviser, riskFactorLabels[factor], 'No');
    }
    await adviser.keyboard.press('Control+s');
    await adviser.getByText(/^Saved at \d\d:\d\d$/).waitFor();
    await summary(adviser).getByText('Complete', { exact: true }).waitFor();
    expect(await seriousAccessibilityViolations(adviser)).toEqual([]);
    await screenshot(adviser, 'case-assessment');

    // After a reload everything is as saved, and the timeline tells the story.
    await adviser.reload();
    await adviser.getByRole('heading', { name: 'Timeline' }).waitFor();
    const timeline = adviser.getByRole('region', { name: 'Timeline' });
    await timeline.getByText(/Assessment saved: risk Immediate, severity Severe/).waitFor();
    await timeline.getByText(/Crisis action recorded: Put them through to NHS 111/).waitFor();
    expect(await adviser.getByRole('heading', { name: 'Crisis protocol: someone may be in danger now' }).count()).toBe(0);
  });

  it('keeps a draft through a reload, and a colleague’s save in between is a conflict that loses none of the adviser’s words', async () => {
    const adviser = await signedInDemo(browser, 'adviser@harbour.test');
    const reference = await openCaseFromInboundCall(adviser, 'Harriet Lindqvist');
    await adviser.getByLabel('Substance', { exact: true }).first().selectOption({ label: 'Cocaine' });
    await adviser.getByRole('radio', { name: 'Primary substance' }).first().check();
    await adviser.getByRole('button', { name: 'Save assessment' }).click();
    await adviser.getByText(/^Saved at \d\d:\d\d$/).waitFor();

    // Mid-call, the tab is reloaded: what was typed since the save comes back.
    await adviser.getByLabel('How much').first().fill('A gram most weekends');
    await answer(adviser, criteria[3].question, 'Yes');
    await adviser.waitForTimeout(800);
    await adviser.reload();
    await adviser.getByText(/You have unsaved answers from/).waitFor();
    await adviser.getByRole('button', { name: 'Restore them' }).click();
    expect(await adviser.getByLabel('How much').first().inputValue()).toBe('A gram most weekends');

    // Meanwhile a team lead saves the same assessment from another browser.
    const lead = await signedInDemo(browser, 'lead@harbour.test');
    await lead.goto(`${baseUrl()}/cases/${reference}`);
    await answer(lead, criteria[0].question, 'Yes');
    await lead.getByRole('button', { name: 'Save assessment' }).click();
    await lead.getByText(/^Saved at \d\d:\d\d$/).waitFor();

    await adviser.getByRole('button', { name: 'Save assessment' }).click();
    const conflict = adviser.getByRole('alert').filter({ hasText: 'Not saved: someone else changed this first' });
    await conflict.getByText(/Tom Price changed the assessment at \d\d\/\d\d\/\d{4} \d\d:\d\d/).waitFor();
    // What the adviser typed is still on screen until they choose to reload.
    expect(await adviser.getByLabel('How much').first().inputValue()).toBe('A gram most weekends');
    await conflict.getByRole('button', { name: 'Reload their version' }).click();
    const unsaved = adviser.getByRole('region', { name: 'Your unsaved answers' });
    await unsaved.getByText(/A gram most weekends/).waitFor();
    await screenshot(adviser, 'case-conflict');
  });

  it('finds a case from the header by a misspelt name, a phone number in another format, and its reference', async () => {
    const adviser = await signedInDemo(browser, 'adviser@harbour.test');
    const phone = freshPhone();
    const reference = await openCaseFromInboundCall(adviser, 'Bartholomew Quennell', phone);
    const search = adviser.getByRole('searchbox', { name: /Find a case/ });

    await adviser.keyboard.press('Escape');
    await adviser.locator('body').click();
    await adviser.keyboard.press('/');
    await search.fill('Bartolomew Quenel');
    await adviser.getByRole('link', { name: new RegExp(reference) }).waitFor();

    await search.fill(phone.replace(/^0/, '+44 ').replace(/ /g, ''));
    await adviser.getByRole('link', { name: new RegExp(reference) }).waitFor();

    await search.fill(reference.toLowerCase());
    await adviser.getByRole('link', { name: new RegExp(reference) }).waitFor();
    await adviser.keyboard.press('Enter');
    await adviser.waitForURL(`${baseUrl()}/cases/${reference}`);

    await adviser.getByRole('link', { name: 'Cases', exact: true }).first().click();
    await adviser.getByRole('heading', { name: 'My cases' }).waitFor();
    await adviser.getByRole('link', { name: 'Bartholomew Quennell' }).waitFor();
    expect(await seriousAccessibilityViolations(adviser)).toEqual([]);
  });
});
