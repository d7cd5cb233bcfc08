import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Cookie, type Page } from 'playwright-core';
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

// Every end-to-end file talks to one server, in turn. Harbour accepts each code once, and a
// used code offered again counts as a failed sign-in (five lock the account), so the steps
// already used are remembered across files, in a file named after the server's port.
const stateFile = (name: string) => path.join(tmpdir(), `harbour-e2e-${new URL(baseUrl()).port}-${name}.json`);

function readState<T>(name: string, fallback: T): T {
  try {
    return JSON.parse(readFileSync(stateFile(name), 'utf8')) as T;
  } catch {
    return fallback;
  }
}

const writeState = (name: string, value: unknown) => writeFileSync(stateFile(name), JSON.stringify(value));

/**
 * A code from the person's phone that Harbour has not yet seen: the current step's, or the
 * next step's (Harbour accepts one step either side), or, when both are spent, the next code
 * to show, after waiting for it.
 */
export async function unusedCode(page: Page, key: Uint8Array): Promise<string> {
  const keyName = Buffer.from(key).toString('hex').slice(0, 16);
  const usedSteps = readState<Record<string, number>>('used-steps', {});
  const step = Math.max(stepAt(new Date()), (usedSteps[keyName] ?? 0) + 1);
  const waitMs = (step - 1) * STEP_SECONDS * 1000 - Date.now();
  if (waitMs > 0) await page.waitForTimeout(waitMs + 1_000);
  writeState('used-steps', { ...usedSteps, [keyName]: step });
  return codeForStep(key, step);
}

/** Answers the code step as the person's phone would. */
export async function enterSignInCode(page: Page, key: Uint8Array): Promise<void> {
  const field = page.getByLabel('Code from your app');
  await field.waitFor();
  await field.fill(await unusedCode(page, key));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/**
 * A demo member of staff signed in and on their start page, the queue; wide enough for the
 * board when asked. The demo manager's session is made once and reused while it lasts (a new
 * code every sign-in would mean waiting for codes); anyone else signs in afresh.
 */
export async function signedInDemo(browser: Browser, email: string, { isWide = false }: { isWide?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage();
  if (isWide) await page.setViewportSize({ width: 1440, height: 900 });
  if (email === DEMO_MANAGER_EMAIL) {
    const cookies = readState<Cookie[]>('manager-session', []);
    if (cookies.length > 0) {
      await page.context().addCookies(cookies);
      await page.goto(`${baseUrl()}/queue`);
      const landed = await Promise.race([
        page.getByRole('heading', { name: 'Callback queue' }).waitFor().then(() => 'queue'),
        page.waitForURL(/\/sign-in$/).then(() => 'sign-in'),
      ]);
      if (landed === 'queue') return page;
    }
  }
  await signIn(page, email, 'harbour-demo');
  await page.waitForURL(`${baseUrl()}/queue`);
  if (email === DEMO_MANAGER_EMAIL) writeState('manager-session', await page.context().cookies());
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
