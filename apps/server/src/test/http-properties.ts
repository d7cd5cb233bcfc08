import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../db/database';
import { nextClientIp } from './callbacks';
import { TEST_ORIGIN } from './http-server';

// Shared by the property tests that throw generated inputs at the real HTTP app: what a
// request may look like, and what every answer must look like whatever was sent.

export interface SentRequest {
  method?: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

/**
 * Sends a request as a browser on our own site would, from a visitor address of its own (the
 * app trusts X-Forwarded-For from loopback), so the public rate limits do not bite.
 */
export function send(baseUrl: string, { method = 'POST', path, body, headers = {} }: SentRequest): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      origin: TEST_ORIGIN,
      'x-forwarded-for': nextClientIp(),
      ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(method === 'POST' ? { body: body ?? '' } : {}),
  });
}

/** A tRPC mutation body as our client sends it (superjson puts the input under "json"). */
export const trpcBody = (input: unknown): string => JSON.stringify({ json: input });

/** A tRPC query's URL for a GET, input in the query string as the client sends it. */
export const trpcQueryPath = (procedure: string, input: unknown): string =>
  `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

// What must never reach a browser: stack frames, file paths, SQL and driver text.
const LEAKS = [
  /\n\s+at /,
  /\bat .+:\d+:\d+/,
  /node_modules/,
  /\.ts:\d+/,
  /\bselect\s.+\bfrom\b/i,
  /\binsert into\b/i,
  /\brelation "/i,
  /\bviolates\b/i,
  /\bsyntax error\b/i,
  /invalid byte sequence/i,
  /\bpglite\b/i,
  /\bkysely\b/i,
  /"stack"/,
];

/** The messages an error body carries: tRPC's (alone or batched) or our Express handlers'. */
function messagesOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body.flatMap(messagesOf);
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error === 'string') return [error];
  const json = (error as { json?: { message?: unknown } } | undefined)?.json;
  if (json) return [json.message];
  return (body as { result?: unknown } | null)?.result !== undefined ? [] : [undefined];
}

/**
 * The properties every answer holds, whatever was sent: never a 5xx, and an error comes as
 * JSON with a message of ours and no stack or database text. Returns the status and body.
 */
export async function expectSafeAnswer(response: Response, sent: unknown): Promise<{ status: number; body: unknown }> {
  const text = await response.text();
  const context = `${response.status} for ${JSON.stringify(sent).slice(0, 300)}: ${text.slice(0, 300)}`;
  expect(response.status, context).toBeLessThan(500);
  for (const leak of LEAKS) expect(text, context).not.toMatch(leak);
  if (response.status < 400) return { status: response.status, body: text };
  // Node itself refuses an over-long URL or header (431) before the app sees it, with no body;
  // outside /trpc and /api the answer is Express's plain "Cannot GET", as for any stray path.
  const { pathname } = new URL(response.url);
  if (response.status === 431 || !/^\/(trpc|api)(\/|$)/.test(pathname)) return { status: response.status, body: text };
  // JSON whatever the label: tRPC sends its own "POST only" refusal of a multipart GET as text/plain.
  const body: unknown = JSON.parse(text);
  const messages = messagesOf(body);
  expect(messages.length, context).toBeGreaterThan(0);
  for (const message of messages) {
    expect(typeof message, context).toBe('string');
    expect((message as string).length, context).toBeGreaterThan(0);
  }
  return { status: response.status, body };
}

/** Rows in the tables a request from outside could write to: a rejected one must leave them as they were. */
export async function storedCounts(db: Kysely<Database>): Promise<Record<'callbackRequests' | 'cases' | 'audit', number>> {
  const count = (table: 'callback_requests' | 'cases' | 'audit_events') =>
    db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow()
      .then((row) => Number(row.count));
  const [callbackRequests, cases, audit] = await Promise.all([count('callback_requests'), count('cases'), count('audit_events')]);
  return { callbackRequests, cases, audit };
}

/** Values that break careless code: odd text, huge text, wrong types, nulls, nesting. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\u202e\u200b\ufeff',
    '\ud800',
    '😀'.repeat(400),
    'x'.repeat(20_000),
    "'; drop table cases; --",
    '<script>alert(1)</script>',
    '=HYPERLINK("http://evil")',
    '../../etc/passwd',
    '%00',
    'NaN',
    '-1',
    '1e309',
    '__proto__',
    '2026-02-30',
    '9999-12-31T23:59:59Z',
  ),
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, Number.MAX_SAFE_INTEGER, -1e308, 1e308),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

/**
 * A valid input with one thing wrong: a field set to an odd value or left out, or a key
 * nobody expects added (including "__proto__" and "constructor").
 */
export function nearlyValid<T extends Record<string, unknown>>(valid: () => T): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.keys(valid());
  return fc.oneof(
    fc.tuple(fc.constantFrom(...fields), oddValue).map(([field, value]) => ({ ...valid(), [field]: value })),
    fc.constantFrom(...fields).map((field) => {
      const input: Record<string, unknown> = { ...valid() };
      delete input[field];
      return input;
    }),
    fc
      .tuple(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'role', 'id')), oddValue)
      .map(([key, value]) => JSON.parse(JSON.stringify({ ...valid(), [key]: value })) as Record<string, unknown>),
  );
}
