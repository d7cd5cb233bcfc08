import { describe, expect, it } from 'vitest';
import { REQUESTS_PER_ADDRESS } from '../features/callbacks/callbacks.service';
import { callbackRequestInput } from '../test/callbacks';
import { TEST_ORIGIN, useRunningApp } from '../test/http-server';
import { useTestDatabase } from '../test/test-database';

const db = useTestDatabase();
const app = useRunningApp(db);

function requestFrom(forwardedFor: string) {
  return fetch(`${app().url}/trpc/callbacks.request`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: TEST_ORIGIN, 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ json: callbackRequestInput() }),
  });
}

describe('visitors behind the proxy in front of Harbour', () => {
  it('are limited one connection at a time, not all together as the proxy', async () => {
    for (let request = 0; request < REQUESTS_PER_ADDRESS; request += 1) {
      expect((await requestFrom('198.51.100.20')).status).toBe(200);
    }
    expect((await requestFrom('198.51.100.20')).status).toBe(429);
    expect((await requestFrom('198.51.100.21')).status).toBe(200);
  });

  it('share one limit across a whole IPv6 /64', async () => {
    for (let request = 0; request < REQUESTS_PER_ADDRESS; request += 1) {
      expect((await requestFrom(`2001:db8:7:7::${request + 1}`)).status).toBe(200);
    }
    expect((await requestFrom('2001:db8:7:7:ffff::1')).status).toBe(429);
  });
});
