import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express, { type Request } from 'express';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_SIZE, MAX_BODY_BYTES } from '../app';
import { submitCallback, TUESDAY_10AM } from '../test/callbacks';
import { createUser, silentLogger, type TestUser } from '../test/factories';
import { useTestDatabase } from '../test/test-database';
import { createContextInner, type Context } from './context';
import { trpcHandler } from './http-handler';
import { appRouter } from './router';

const db = useTestDatabase();

// Who is asking, by a header only these servers read: the protocol is under test, not sign-in.
const people = new Map<string, TestUser>();

async function contextFor(req: Request): Promise<Context> {
  if (req.get('x-test-context') === 'fails') throw new Error('the session store is on fire');
  const person = people.get(req.get('x-test-user') ?? '');
  return createContextInner({
    db: db(),
    logger: silentLogger,
    requestId: 'test-request',
    user: person ? { id: person.id, email: person.email, fullName: person.fullName, role: person.role } : null,
    now: () => TUESDAY_10AM,
  });
}

interface Served {
  url: string;
  errors: string[];
  server: Server;
}

async function serve(handler: (errors: string[]) => express.RequestHandler): Promise<Served> {
  const errors: string[] = [];
  const app = express();
  app.use('/trpc', handler(errors));
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, errors, server };
}

const query = (paths: string, inputs?: Record<number, unknown>) =>
  `/trpc/${paths}?batch=1${inputs ? `&input=${encodeURIComponent(JSON.stringify(Object.fromEntries(Object.entries(inputs).map(([index, input]) => [index, superjson.serialize(input)]))))}` : ''}`;

describe('GET batches of queries', () => {
  let tRPCs: Served;
  let ours: Served;
  beforeAll(async () => {
    tRPCs = await serve((errors) =>
      createExpressMiddleware({
        router: appRouter,
        maxBatchSize: MAX_BATCH_SIZE,
        maxBodySize: MAX_BODY_BYTES,
        createContext: ({ req }) => contextFor(req),
        onError: ({ error, path }) => errors.push(`${error.code} ${path}`),
      }),
    );
    ours = await serve((errors) =>
      trpcHandler({
        router: appRouter,
        maxBatchSize: MAX_BATCH_SIZE,
        maxBodySize: MAX_BODY_BYTES,
        createContext: contextFor,
        onError: ({ error, path }) => errors.push(`${error.code} ${path}`),
      }),
    );
  });
  afterAll(() => {
    for (const served of [tRPCs, ours]) served.server.close();
  });

  const ask = async (served: Served, path: string, headers: Record<string, string>) => {
    const response = await fetch(`${served.url}${path}`, { headers });
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      vary: response.headers.get('vary'),
      isWhole: response.headers.get('content-length') !== null,
      body: await response.text(),
    };
  };

  it('are answered exactly as tRPC answers them, through the procedures\' own checks', async () => {
    const adviser = await createUser(db());
    people.set('adviser', adviser);
    await submitCallback(db(), { fullName: 'Queue Quinn' }, { now: TUESDAY_10AM });
    await submitCallback(db(), { fullName: 'Danger Dee', immediateDanger: true }, { now: TUESDAY_10AM });

    const asked: Array<{ name: string; path: string; headers?: Record<string, string>; answeredHere: boolean }> = [
      { name: 'the queue, with its dates', path: query('callbacks.queue'), answeredHere: true },
      { name: 'nobody signed in', path: query('callbacks.queue'), headers: { 'x-test-user': 'nobody' }, answeredHere: true },
      { name: 'one allowed and one forbidden (207)', path: query('callbacks.queue,users.list'), answeredHere: true },
      { name: 'an input the schema refuses', path: query('cases.byReference', { 0: { reference: 'not a reference' } }), answeredHere: true },
      { name: 'a case that does not exist', path: query('cases.byReference', { 0: { reference: 'H-2025-000001' } }), answeredHere: true },
      { name: 'inputs by position', path: query('callbacks.queue,cases.byReference', { 1: { reference: 'H-2025-000001' } }), answeredHere: true },
      { name: 'an input superjson cannot read', path: `/trpc/cases.byReference?batch=1&input=${encodeURIComponent('{"0":{"json":{"reference":"x"},"meta":{"values":{"reference":[["no such type"]]}}}}')}`, answeredHere: true },
      { name: 'a context that fails', path: query('callbacks.queue'), headers: { 'x-test-context': 'fails' }, answeredHere: true },
      { name: 'a mutation asked by GET', path: query('callbacks.claimNext'), answeredHere: false },
      { name: 'a procedure that does not exist', path: query('callbacks.nothing'), answeredHere: false },
      { name: 'an input that is not JSON', path: '/trpc/callbacks.queue?batch=1&input=%7B', answeredHere: false },
      { name: 'an input that is not an object', path: '/trpc/callbacks.queue?batch=1&input=%5B%5D', answeredHere: false },
      { name: 'more calls than a batch may hold', path: query(Array.from({ length: MAX_BATCH_SIZE + 1 }, () => 'callbacks.queue').join(',')), answeredHere: false },
      { name: 'not batched', path: '/trpc/callbacks.queue', answeredHere: false },
      { name: 'a streamed batch', path: query('callbacks.queue'), headers: { 'trpc-accept': 'application/jsonl' }, answeredHere: false },
    ];
    for (const { name, path, headers = {}, answeredHere } of asked) {
      const request = { 'x-test-user': 'adviser', ...headers };
      tRPCs.errors.length = 0;
      ours.errors.length = 0;
      const expected = await ask(tRPCs, path, request);
      const answered = await ask(ours, path, request);
      expect({ name, ...answered, isWhole: undefined }, name).toEqual({ name, ...expected, isWhole: undefined });
      expect(ours.errors, name).toEqual(tRPCs.errors);
      // Answered here, the body's length is known; tRPC's adapter streams it in chunks.
      expect(answered.isWhole, name).toBe(answeredHere);
    }
  });

  it('leave subscriptions to tRPC, which streams them', async () => {
    people.set('adviser', await createUser(db()));
    const controller = new AbortController();
    const response = await fetch(`${ours.url}/trpc/callbacks.onChange`, { headers: { 'x-test-user': 'adviser', accept: 'text/event-stream' }, signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    controller.abort();
  });
});
