import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { createApp } from '../app';
import type { DatabaseHealth } from '../db/availability';
import type { Database } from '../db/database';
import { afterAll, beforeAll } from 'vitest';
import { ChangeFeed } from '../realtime/changes';
import { silentLogger } from './factories';

export const TEST_ORIGIN = 'http://localhost:3000';

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

/** The real Express app on an ephemeral port, for tests that need headers and status codes. */
export async function startApp(
  db: Kysely<Database>,
  options: { isProduction?: boolean; origin?: string; changes?: ChangeFeed; logger?: Logger; health?: DatabaseHealth; reportDb?: Kysely<Database> } = {},
): Promise<RunningApp> {
  const app = createApp({
    db,
    logger: options.logger ?? silentLogger,
    origin: options.origin ?? TEST_ORIGIN,
    isProduction: options.isProduction ?? false,
    changes: options.changes ?? new ChangeFeed(),
    ...(options.health ? { health: options.health } : {}),
    ...(options.reportDb ? { reportDb: options.reportDb } : {}),
  });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The app running for the whole test file, on the file's database. */
export function useRunningApp(db: () => Kysely<Database>): () => RunningApp {
  let app: RunningApp | undefined;
  beforeAll(async () => {
    app = await startApp(db());
  });
  afterAll(async () => {
    await app?.close();
  });
  return () => {
    if (!app) throw new Error('The app starts in beforeAll: use it inside a test');
    return app;
  };
}
