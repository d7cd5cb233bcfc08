import superjson from 'superjson';
import { createHarbourClient, type HarbourClient } from '../lib/trpc';

type Reply =
  | 'connection-lost'
  | { data: unknown }
  | { error: { code: string; httpStatus: number; message: string; fieldErrors?: Record<string, string> } };

export interface FakeServer {
  client: HarbourClient;
  /** Procedure paths in the order they were called, e.g. 'auth.login'. */
  calls: Array<{ path: string; input: unknown }>;
}

/**
 * Answers the web app's tRPC calls in the wire format the real server uses, from a table of
 * replies by procedure path, so components are tested without a network.
 */
export function fakeServer(replies: Record<string, (input: unknown) => Reply>): FakeServer {
  const calls: FakeServer['calls'] = [];
  const fetch: typeof globalThis.fetch = async (url, init) => {
    const { pathname, searchParams } = new URL(String(url), 'http://localhost');
    const paths = pathname.replace('/trpc/', '').split(',');
    // Mutations carry their inputs in the body; queries, in the address.
    const sent = init?.body ? String(init.body) : searchParams.get('input');
    const body = sent ? (JSON.parse(sent) as Record<string, { json: unknown }>) : {};
    const answered = paths.map((path, index) => {
      const input = body[index] ? superjson.deserialize(body[index] as never) : undefined;
      calls.push({ path, input });
      return { path, reply: replies[path]?.(input) ?? { error: { code: 'NOT_FOUND', httpStatus: 404, message: `No reply for ${path}` } } };
    });
    if (answered.some(({ reply }) => reply === 'connection-lost')) throw new TypeError('Failed to fetch');
    const results = answered.map(({ path, reply }) => {
      if (reply === 'connection-lost') throw new Error('unreachable');
      if ('data' in reply) return { result: { data: superjson.serialize(reply.data) } };
      const { code, httpStatus, message, fieldErrors } = reply.error;
      return { error: superjson.serialize({ message, code: -32000, data: { code, httpStatus, path, fieldErrors: fieldErrors ?? null } }) };
    });
    const status = results.every((result) => 'result' in result) ? 200 : 207;
    return new Response(JSON.stringify(results), { status, headers: { 'content-type': 'application/json' } });
  };
  return { client: createHarbourClient({ fetch }), calls };
}

/** What was sent to one procedure, call by call. */
export const callsTo = (server: FakeServer, path: string) => server.calls.filter((call) => call.path === path).map((call) => call.input);
