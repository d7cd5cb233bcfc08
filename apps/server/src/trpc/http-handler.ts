import { callTRPCProcedure, getErrorShape, getTRPCErrorFromUnknown, transformTRPCResponse, TRPCError, type AnyTRPCRouter } from '@trpc/server';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { getHTTPStatusCode } from '@trpc/server/http';
import type { TRPCResponse } from '@trpc/server/rpc';
import type { Request, RequestHandler, Response } from 'express';

export interface TrpcHandlerOptions<TContext extends object> {
  router: AnyTRPCRouter;
  maxBatchSize: number;
  maxBodySize: number;
  createContext: (req: Request, res: Response) => Promise<TContext>;
  /** Every error a call ends in, as tRPC's own onError: the path, never the input. */
  onError: (failure: { error: TRPCError; path: string | undefined; req: Request }) => void;
}

/** A batch of queries asked by GET, as the web's httpBatchLink asks every read. */
interface QueryBatch {
  paths: string[];
  /** The parsed `input` parameter: superjson-encoded inputs by position in the batch. */
  inputs: Record<string, unknown> | undefined;
}

/**
 * /trpc. Batches of queries asked by GET, which is every read the web makes, are answered
 * here from tRPC's public parts: each call goes through callTRPCProcedure, so through the
 * procedure's own middleware (who may call it), input validation and handler, and errors are
 * shaped by the router's errorFormatter and given tRPC's HTTP status, exactly as tRPC's adapter
 * answers. What it leaves out is the adapter's translation of every request into a fetch
 * Request and back out of a fetch Response through web streams: a third of a list's time in
 * Node, per the benchmark's profile (docs/decisions/019). Everything else (mutations,
 * subscriptions, streamed batches, and any request that would fail before a procedure runs:
 * an unknown path, bad JSON, too many calls) goes to tRPC's adapter, which answers as always.
 */
export function trpcHandler<TContext extends object>(options: TrpcHandlerOptions<TContext>): RequestHandler {
  const standard = createExpressMiddleware({
    router: options.router,
    maxBatchSize: options.maxBatchSize,
    maxBodySize: options.maxBodySize,
    createContext: ({ req, res }) => options.createContext(req, res),
    onError: ({ error, path, req }) => options.onError({ error, path, req }),
  });
  return (req, res, next) => {
    const batch = queryBatchOf(req, options);
    if (!batch) {
      standard(req, res, next);
      return;
    }
    answerQueries(req, res, batch, options).catch((error: unknown) => next(error));
  };
}

function queryBatchOf(req: Request, { router, maxBatchSize }: TrpcHandlerOptions<object>): QueryBatch | null {
  if (req.method !== 'GET') return null;
  const { headers } = req;
  // A body type on a GET, or a client asking for a streamed answer: tRPC's adapter decides.
  if (headers['content-type'] !== undefined || headers['trpc-accept'] !== undefined) return null;
  if (headers.accept !== undefined && /application\/jsonl|text\/event-stream/.test(headers.accept)) return null;
  const queryAt = req.url.indexOf('?');
  if (queryAt === -1) return null;
  const search = new URLSearchParams(req.url.slice(queryAt + 1));
  if (search.get('batch') !== '1' || search.has('connectionParams')) return null;
  let paths: string[];
  try {
    paths = decodeURIComponent(req.path.slice(req.path.lastIndexOf('/') + 1)).split(',');
  } catch {
    return null;
  }
  if (paths.length > maxBatchSize) return null;
  const procedures = router._def.procedures as Record<string, { _def: { type: string } } | undefined>;
  if (!paths.every((path) => procedures[path]?._def.type === 'query')) return null;
  const input = search.get('input');
  if (!input) return { paths, inputs: undefined };
  try {
    const inputs: unknown = JSON.parse(input);
    return isObject(inputs) ? { paths, inputs } : null;
  } catch {
    return null;
  }
}

async function answerQueries<TContext extends object>(req: Request, res: Response, batch: QueryBatch, options: TrpcHandlerOptions<TContext>): Promise<void> {
  const { router } = options;
  const config = router._def._config;
  // As tRPC does: a call's signal ends when the person goes away before the answer is sent.
  const abort = new AbortController();
  const onClose = () => {
    if (!res.writableEnded) abort.abort();
  };
  res.once('close', onClose);

  // As tRPC does, all inputs are decoded together at the first call that reads one; a decoding
  // failure is a BAD_REQUEST for every call that reads it.
  let decoded: Promise<Record<number, unknown>> | undefined;
  const decodeInputs = () =>
    (decoded ??= (async () => {
      const byIndex: Record<number, unknown> = {};
      batch.paths.forEach((_path, index) => {
        const input = batch.inputs?.[index];
        if (input !== undefined) byIndex[index] = config.transformer.input.deserialize(input);
      });
      return byIndex;
    })().catch((cause: unknown) => {
      if (cause instanceof TRPCError) throw cause;
      throw new TRPCError({ code: 'BAD_REQUEST', message: cause instanceof Error ? cause.message : 'Invalid input', cause });
    }));
  let inputsRead: Record<number, unknown> | undefined;

  let ctx: TContext | undefined;
  let contextError: TRPCError | undefined;
  try {
    ctx = await options.createContext(req, res);
  } catch (cause) {
    contextError = getTRPCErrorFromUnknown(cause);
  }

  const answers: TRPCResponse[] = await Promise.all(
    batch.paths.map(async (path, index): Promise<TRPCResponse> => {
      try {
        if (contextError) throw contextError;
        const data: unknown = await callTRPCProcedure({
          router,
          path,
          type: 'query',
          ctx,
          signal: abort.signal,
          batchIndex: index,
          getRawInput: async () => (inputsRead = await decodeInputs())[index],
        });
        if (isDataStream(data)) {
          throw new TRPCError({ code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Cannot use stream-like response in non-streaming request - use httpBatchStreamLink' });
        }
        return { result: { data } };
      } catch (cause) {
        const error = getTRPCErrorFromUnknown(cause);
        options.onError({ error, path, req });
        return { error: getErrorShape({ config, ctx, error, input: inputsRead?.[index], path, type: 'query' }) };
      }
    }),
  );
  res.off('close', onClose);

  const body = JSON.stringify(transformTRPCResponse(config, answers));
  res.statusCode = getHTTPStatusCode(answers);
  res.setHeader('Vary', 'trpc-accept, accept');
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

/** What tRPC refuses to send in a plain answer: an async iterable, or promises or iterables as its members. */
function isDataStream(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (Symbol.asyncIterator in value) return true;
  return Object.values(value).some((member) => isObject(member) && (Symbol.asyncIterator in member || (typeof member.then === 'function' && typeof member.catch === 'function')));
}

function isObject(value: unknown): value is Record<PropertyKey, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
