// The front end's targets from issue 9: how much JavaScript (gzipped) a browser downloads before
// the callback queue can be used, and Lighthouse's performance and accessibility scores on the
// sign-in, queue and case pages (desktop profile), in Debian's Chromium.
//
//   pnpm bench:web                          builds nothing: starts the built server (pnpm build
//                                           first) on the demo database, as `pnpm start` does
//   pnpm bench:web http://localhost:3000    a Harbour already running; demo adviser by default
//   pnpm bench:web URL --email E --password P --case REFERENCE --runs 3 --reports DIR
//
// `pnpm bench` calls benchFrontEnd against its own server on the bench database.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export interface FrontEndBenchOptions {
  baseUrl: string;
  email: string;
  password: string;
  /** A case the adviser may open, for the case page's Lighthouse run. */
  caseReference: string;
  /** Lighthouse runs per page; the median score is kept (scores vary from run to run). */
  lighthouseRuns?: number;
  chromePath?: string;
  /** Where to write each Lighthouse report (lighthouse-<page>-<run>.json), to see what it flagged. */
  reportDir?: string;
}

export interface JsDownload {
  /** Path on the server, e.g. /assets/libraries-abc123.js. */
  path: string;
  gzipBytes: number;
}

export interface LighthouseScores {
  page: string;
  performance: number;
  accessibility: number;
  /** What Lighthouse still flags on the page: failed audits in either category. */
  flagged: string[];
}

export interface FrontEndFigures {
  /**
   * Gzipped KB (node:zlib level 9 of each file's body, whatever the server sent) of every JS file
   * requested by a signed-in adviser opening the queue with an empty cache, until the queue is
   * usable.
   */
  queueJsGzipKb: number;
  queueJs: JsDownload[];
  /** The same from a cold start that begins at the sign-in page: sign-in, then the queue. */
  signInToQueueJsGzipKb: number;
  signInToQueueJs: JsDownload[];
  lighthouse: LighthouseScores[];
}

const KB = 1024;
const chromeFlags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'];
const defaultChromePath = () => process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Every JS response the page receives from now on, gzipped as the benchmark counts it. */
function recordJs(page: Page): () => Promise<JsDownload[]> {
  const downloads: Array<Promise<JsDownload | null>> = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    const isJs = response.request().resourceType() === 'script' || url.pathname.endsWith('.js');
    if (!isJs || response.status() !== 200) return;
    downloads.push(
      response.body().then(
        (body) => ({ path: url.pathname, gzipBytes: gzipSync(body, { level: 9 }).length }),
        () => null,
      ),
    );
  });
  return async () => {
    const seen = new Map<string, JsDownload>();
    for (const download of await Promise.all(downloads)) if (download) seen.set(download.path, download);
    return [...seen.values()].sort((a, b) => b.gzipBytes - a.gzipBytes);
  };
}

const totalKb = (downloads: JsDownload[]) => Math.round((downloads.reduce((sum, file) => sum + file.gzipBytes, 0) / KB) * 10) / 10;

/** The queue can be used: its table of requests, or its empty state, is drawn and its buttons answer. */
async function waitForUsableQueue(page: Page): Promise<void> {
  await page.waitForURL(/\/queue$/);
  await page.locator('table.queue-table tbody tr').first().or(page.getByText('Nobody is waiting for a call')).waitFor();
  await page.getByRole('button', { name: 'Take next call' }).waitFor();
}

async function signInThroughForm(page: Page, { baseUrl, email, password }: FrontEndBenchOptions): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function newPerson(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', viewport: { width: 1350, height: 940 } });
  context.setDefaultTimeout(30_000);
  return context;
}

/** Signs in from a cold start and opens the queue; returns the session cookies for later runs. */
async function measureQueueJs(browser: Browser, options: FrontEndBenchOptions) {
  const coldStart = await newPerson(browser);
  const signInPage = await coldStart.newPage();
  const signInToQueueJs = recordJs(signInPage);
  await signInThroughForm(signInPage, options);
  // An adviser's home page is the queue; going there by hand covers other roles too.
  await signInPage.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  if (!signInPage.url().endsWith('/queue')) await signInPage.goto(`${options.baseUrl}/queue`);
  await waitForUsableQueue(signInPage);
  const cookies = await coldStart.cookies();
  const signInToQueue = await signInToQueueJs();
  await coldStart.close();

  // A signed-in adviser opening Harbour: same session, empty cache.
  const signedIn = await newPerson(browser);
  await signedIn.addCookies(cookies);
  const queuePage = await signedIn.newPage();
  const queueJs = recordJs(queuePage);
  await queuePage.goto(`${options.baseUrl}/queue`);
  await waitForUsableQueue(queuePage);
  const queue = await queueJs();
  await signedIn.close();
  return { queue, signInToQueue, cookieHeader: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ') };
}

/** Debian's Chromium with a DevTools port for Lighthouse, as chrome-launcher would start it. */
async function launchChromeForLighthouse(chromePath: string): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), 'harbour-lighthouse-'));
  const chrome: ChildProcess = spawn(chromePath, [...chromeFlags, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stop = async () => {
    if (chrome.exitCode === null) {
      const exited = new Promise((resolve) => chrome.once('exit', resolve));
      chrome.kill('SIGTERM');
      await exited;
    }
    rmSync(profile, { recursive: true, force: true });
  };
  const port = await new Promise<number>((resolve, reject) => {
    let printed = '';
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools port within 20 s:\n${printed}`)), 20_000);
    chrome.stderr?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(printed);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    chrome.once('exit', (code) => reject(new Error(`Chromium exited (${code}):\n${printed}`)));
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { port, stop };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface LighthouseRun {
  port: number;
  page: string;
  url: string;
  cookieHeader: string | null;
  runs: number;
  reportDir: string | undefined;
}

// A run whose trace Lighthouse could not record (NO_NAVSTART, on a busy machine) is run again.
const ATTEMPTS_PER_RUN = 3;

async function runLighthouse({ port, url, cookieHeader }: LighthouseRun) {
  for (let attempt = 1; ; attempt += 1) {
    const result = await lighthouse(
      url,
      {
        port,
        logLevel: 'error',
        output: 'json',
        onlyCategories: ['performance', 'accessibility'],
        // The session cookie goes with every request of the run; Lighthouse clears the browser's own storage.
        ...(cookieHeader ? { extraHeaders: { Cookie: cookieHeader } } : {}),
      },
      desktopConfig,
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { runtimeError } = result.lhr;
    if (!runtimeError) return result.lhr;
    if (attempt === ATTEMPTS_PER_RUN) throw new Error(`Lighthouse could not load ${url}: ${runtimeError.message}`);
  }
}

async function lighthouseScores(options: LighthouseRun): Promise<LighthouseScores> {
  const { page, url, runs, reportDir } = options;
  const results: Array<Omit<LighthouseScores, 'page'>> = [];
  for (let run = 0; run < runs; run += 1) {
    const lhr = await runLighthouse(options);
    if (reportDir) writeFileSync(path.join(reportDir, `lighthouse-${page}-${run + 1}.json`), JSON.stringify(lhr));
    const finalPath = new URL(lhr.finalDisplayedUrl).pathname;
    if (finalPath !== new URL(url).pathname) throw new Error(`Lighthouse was sent from ${url} to ${finalPath}: is the session cookie right?`);
    const flagged: string[] = [];
    for (const category of Object.values(lhr.categories)) {
      for (const reference of category.auditRefs) {
        const audit = lhr.audits[reference.id];
        // An accessibility audit of weight 0 found nothing to check on this page.
        if (!audit || (reference.weight === 0 && category.id === 'accessibility')) continue;
        const failed = audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual';
        if (failed) flagged.push(`${category.id}: ${audit.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
      }
    }
    results.push({
      performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
      flagged: flagged.sort(),
    });
  }
  // The run with the median performance score, with what it flagged; accessibility's own median.
  const byPerformance = [...results].sort((a, b) => a.performance - b.performance);
  const middle = byPerformance[Math.floor(results.length / 2)]!;
  return { page, performance: middle.performance, accessibility: median(results.map((result) => result.accessibility)), flagged: middle.flagged };
}

export async function benchFrontEnd(options: FrontEndBenchOptions): Promise<FrontEndFigures> {
  const chromePath = options.chromePath ?? defaultChromePath();
  const runs = options.lighthouseRuns ?? 1;
  const browser = await chromium.launch({ executablePath: chromePath, headless: true, args: chromeFlags.filter((flag) => !flag.startsWith('--headless')) });
  let measured: Awaited<ReturnType<typeof measureQueueJs>>;
  try {
    measured = await measureQueueJs(browser, options);
  } finally {
    await browser.close();
  }

  const chrome = await launchChromeForLighthouse(chromePath);
  try {
    const pages = [
      { page: 'sign-in', url: `${options.baseUrl}/sign-in`, cookieHeader: null },
      { page: 'queue', url: `${options.baseUrl}/queue`, cookieHeader: measured.cookieHeader },
      { page: 'case', url: `${options.baseUrl}/cases/${encodeURIComponent(options.caseReference)}`, cookieHeader: measured.cookieHeader },
    ];
    const scores: LighthouseScores[] = [];
    for (const { page, url, cookieHeader } of pages) {
      scores.push(await lighthouseScores({ port: chrome.port, page, url, cookieHeader, runs, reportDir: options.reportDir }));
    }
    return {
      queueJsGzipKb: totalKb(measured.queue),
      queueJs: measured.queue,
      signInToQueueJsGzipKb: totalKb(measured.signInToQueue),
      signInToQueueJs: measured.signInToQueue,
      lighthouse: scores,
    };
  } finally {
    await chrome.stop();
  }
}

// ---- pnpm bench:web ----

const QUEUE_JS_TARGET_KB = 150;
const PERFORMANCE_TARGET = 95;
const ACCESSIBILITY_TARGET = 100;

/** A case the adviser can open: the first one on their case list. */
async function firstCaseReference({ baseUrl, email, password, chromePath }: Omit<FrontEndBenchOptions, 'caseReference'>): Promise<string> {
  const browser = await chromium.launch({ executablePath: chromePath ?? defaultChromePath(), headless: true, args: ['--no-sandbox'] });
  try {
    const page = await (await newPerson(browser)).newPage();
    await signInThroughForm(page, { baseUrl, email, password, caseReference: '' });
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto(`${baseUrl}/cases`);
    const href = await page.locator('main a[href^="/cases/"]').first().getAttribute('href');
    if (!href) throw new Error('The case list shows no case to open: pass --case REFERENCE');
    return decodeURIComponent(href.slice('/cases/'.length));
  } finally {
    await browser.close();
  }
}

export function printFrontEndFigures(figures: FrontEndFigures): boolean {
  const mark = (met: boolean) => (met ? 'met' : 'NOT MET');
  const list = (files: JsDownload[]) => files.map((file) => `    ${(file.gzipBytes / KB).toFixed(1).padStart(6)} KB  ${file.path}`).join('\n');
  const jsMet = figures.queueJsGzipKb <= QUEUE_JS_TARGET_KB;
  console.log(`JS before the queue is usable (gzip -9 of each body), signed in, empty cache: ${figures.queueJsGzipKb} KB (target <= ${QUEUE_JS_TARGET_KB}: ${mark(jsMet)})`);
  console.log(list(figures.queueJs));
  console.log(`From a cold start at the sign-in page to the usable queue: ${figures.signInToQueueJsGzipKb} KB`);
  console.log(list(figures.signInToQueueJs));
  console.log(`Lighthouse 12 desktop (targets: performance >= ${PERFORMANCE_TARGET}, accessibility ${ACCESSIBILITY_TARGET}):`);
  let allMet = jsMet;
  for (const scores of figures.lighthouse) {
    const met = scores.performance >= PERFORMANCE_TARGET && scores.accessibility >= ACCESSIBILITY_TARGET;
    allMet &&= met;
    console.log(`  ${scores.page.padEnd(8)} performance ${String(scores.performance).padStart(3)}  accessibility ${String(scores.accessibility).padStart(3)}  ${mark(met)}`);
    for (const flag of scores.flagged) console.log(`      flagged ${flag}`);
  }
  return allMet;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: 'string', default: 'adviser@harbour.test' },
      password: { type: 'string', default: 'harbour-demo' },
      case: { type: 'string' },
      runs: { type: 'string', default: '1' },
      reports: { type: 'string' },
    },
  });
  const runs = Number(values.runs);
  if (positionals.length > 1 || !(runs >= 1 && runs <= 9)) {
    console.error('Usage: pnpm bench:web [BASE_URL] [--email E --password P] [--case REFERENCE] [--runs 1-9] [--reports DIR]');
    process.exit(2);
  }
  // Without a URL, the built server on its demo database, as the end-to-end tests start it.
  const { startHarbour } = await import('../e2e/support/harbour-process');
  const server = positionals[0] ? null : await startHarbour({ databaseUrl: '' });
  try {
    const baseUrl = (positionals[0] ?? server!.baseUrl).replace(/\/$/, '');
    const credentials = { baseUrl, email: values.email, password: values.password };
    const caseReference = values.case ?? (await firstCaseReference(credentials));
    if (values.reports) mkdirSync(values.reports, { recursive: true });
    const figures = await benchFrontEnd({ ...credentials, caseReference, lighthouseRuns: runs, reportDir: values.reports });
    process.exitCode = printFrontEndFigures(figures) ? 0 : 1;
  } finally {
    await server?.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
