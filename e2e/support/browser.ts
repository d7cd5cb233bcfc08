import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { DEMO_MANAGER_EMAIL, DEMO_MANAGER_TOTP_KEY } from '../../apps/server/src/db/seed/demo-two-step';
import { base32Decode, codeForStep, STEP_SECONDS, stepAt } from '../../apps/server/src/features/mfa/totp';
import { chromiumPath } from './chromium';

export const baseUrl = (): string => inject('baseUrl');
export const skipReason = (): string => inject('skipReason');

export interface Browser {
  /** A page in a browser context of its own: one person, with their own cookies. */
  newPage(): Promise<Page>;
  /** Closes everyone's pages, so a failed test leaves no live stream behind for the next. */
  closePeople(): Promise<void>;
  close(): Promise<void>;
}

export async function openBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath() ?? undefined,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    newPage: async () => {
      const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', viewport: { width: 1280, height: 800 } });
      // A step that cannot happen fails in 10 s with its own message, not as a test timeout.
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      // Closing the page closes its person's context; the browser may already be going.
      page.once('close', () => void context.close().catch(() => undefined));
      return page;
    },
    closePeople: async () => {
      await Promise.all(browser.contexts().map((context) => context.close().catch(() => undefined)));
    },
    close: () => browser.close(),
  };
}

/** One browser for the describe block it is called in, with everyone's pages closed after each test. */
export function useBrowser(): Browser {
  let browser: Browser | undefined;
  const opened = (): Browser => {
    if (!browser) throw new Error('The browser is opened in beforeAll: use it inside a test');
    return browser;
  };
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterEach(async () => {
    await browser?.closePeople();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return { newPage: () => opened().newPage(), closePeople: () => opened().closePeople(), close: () => opened().close() };
}

export async function signIn(page: Page, email: string, password: string, { totpKey }: { totpKey?: Uint8Array } = {}): Promise<void> {
  await page.goto(`${baseUrl()}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The demo manager has two-step sign-in with the demo key (pnpm demo:code prints the same codes).
  const key = totpKey ?? (email === DEMO_MANAGER_EMAIL ? base32Decode(DEMO_MANAGER_TOTP_KEY) : undefined);
  if (key) await enterSignInCode(page, key);
}

/**
 * Answers the code step as the person's phone would. Harbour accepts each code once, and the
 * tests sign the same person in more often than every 30 seconds, so a code already used is
 * followed by the next step's (also accepted), and failing that by the next code to show.
 */
export async function enterSignInCode(page: Page, key: Uint8Array): Promise<void> {
  const field = page.getByLabel('Code from your app');
  await field.waitFor();
  const used = page.getByText('That code has been used already', { exact: false });
  for (let attempt = 0; attempt < 4; attempt += 1) {
    if (attempt === 2) await page.waitForTimeout((STEP_SECONDS - (Math.floor(Date.now() / 1000) % STEP_SECONDS) + 1) * 1000);
    const code = codeForStep(key, stepAt(new Date()) + (attempt % 2));
    await field.fill(code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await Promise.race([page.waitForURL((url) => url.pathname !== '/sign-in', { timeout: 10_000 }), used.waitFor({ timeout: 10_000 })]);
    if (new URL(page.url()).pathname !== '/sign-in') return;
  }
  throw new Error('Every code offered at the code step was refused');
}

/** A demo member of staff signed in and on their start page, the queue; wide enough for the board when asked. */
export async function signedInDemo(browser: Browser, email: string, { isWide = false }: { isWide?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage();
  if (isWide) await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, email, 'harbour-demo');
  await page.waitForURL(`${baseUrl()}/queue`);
  return page;
}

export async function mainNavigationLinks(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.waitFor();
  return nav.getByRole('link').allTextContents();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Serious and critical WCAG 2.x A/AA violations on the page as it is now. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.resolve(import.meta.dirname, '../../test-results', `${name}.png`), fullPage: true });
}
