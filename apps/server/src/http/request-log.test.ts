import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../test/http-server';
import { useTestDatabase } from '../test/test-database';

const db = useTestDatabase();

describe('the request log', () => {
  const lines: Array<Record<string, unknown>> = [];
  let app: RunningApp;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>));
        done();
      },
    });
    app = await startApp(db(), { logger: pino({ level: 'info' }, sink) });
  });
  afterAll(async () => {
    await app.close();
  });

  it('writes one line a request, by method and path with its status and time, and none for health checks', async () => {
    await fetch(`${app.url}/healthz`);
    const response = await fetch(`${app.url}/trpc/auth.me?batch=1&input=%7B%7D`, { headers: { 'x-request-id': 'request-log-0001' } });
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(response.headers.get('x-request-id')).toBe('request-log-0001');
    expect(lines.filter((line) => line.msg === 'request completed')).toEqual([
      expect.objectContaining({ req: { id: 'request-log-0001', method: 'GET', path: '/trpc/auth.me' }, res: { statusCode: 401 }, responseTime: expect.any(Number) }),
    ]);
  });
});
