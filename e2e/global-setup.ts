import type { TestProject } from 'vitest/node';
import { chromiumPath } from './support/chromium';
import { startHarbour } from './support/harbour-process';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    skipReason: string;
  }
}

/** Starts the built app once for every end-to-end file, on a database of its own. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const browser = chromiumPath();
  if (!browser) {
    const reason = `Chromium not found at ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
    if (process.env.CI === 'true') throw new Error(`End-to-end tests must run under CI=true: ${reason}`);
    console.warn(`Skipping end-to-end tests: ${reason}`);
    project.provide('baseUrl', '');
    project.provide('skipReason', reason);
    return async () => undefined;
  }
  const harbour = await startHarbour({ databaseUrl: process.env.TEST_DATABASE_URL ?? '' });
  project.provide('baseUrl', harbour.baseUrl);
  project.provide('skipReason', '');
  return harbour.stop;
}
