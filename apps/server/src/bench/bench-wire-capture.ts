import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** One statement Harbour sent, as PostgreSQL received it. */
export interface CapturedStatement {
  /** Which of Harbour's pool connections sent it: statements between begin and commit share one. */
  connection: number;
  text: string;
  /** Bound parameters as sent (text format); null for SQL NULL. */
  values: Array<string | null>;
  sentAt: number;
  /** When PostgreSQL said it was ready again (ReadyForQuery): the statement's end. */
  doneAt: number;
}

/**
 * A PostgreSQL wire-protocol relay that records every statement passing through it, without
 * changing a byte. Harbour runs through it for one request at a time in capture mode, so the
 * floor can replay exactly the SQL Harbour ran (session look-up, audit insert, begin and
 * commit included) rather than a hand-written copy that could drift from it.
 *
 * It reads the frontend's Query ('Q'), Parse ('P') and Bind ('B') messages, and counts the
 * backend's ReadyForQuery ('Z') to know when each statement ended. node-postgres sends one
 * statement at a time per connection and no SSL request, which is all this needs to follow.
 */
export class WireCapture {
  private readonly statements: CapturedStatement[] = [];
  private nextConnection = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  static async start(target: { host: string; port: number }): Promise<{ capture: WireCapture; port: number }> {
    const server = createServer();
    const capture = new WireCapture(server);
    server.on('connection', (client: Socket) => capture.relay(client, target));
    const port = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        if (typeof address === 'object' && address) resolve(address.port);
        else reject(new Error('no port for the capture relay'));
      });
    });
    return { capture, port };
  }

  /** Everything captured since the last call, in the order it was sent. */
  take(): CapturedStatement[] {
    return this.statements.splice(0).sort((a, b) => a.sentAt - b.sentAt);
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: Socket, target: { host: string; port: number }): void {
    const connection = this.nextConnection++;
    const upstream = createConnection(target);
    this.sockets.add(client).add(upstream);
    const pending: CapturedStatement[] = [];
    let parsedText = '';
    let isStarted = false;
    let fromClient = Buffer.alloc(0);
    let fromServer = Buffer.alloc(0);

    const record = (text: string, values: Array<string | null>) => {
      const statement = { connection, text, values, sentAt: performance.now(), doneAt: Number.NaN };
      pending.push(statement);
      this.statements.push(statement);
    };

    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      fromClient = Buffer.concat([fromClient, chunk]);
      for (;;) {
        if (!isStarted) {
          // The start-up message has a length but no type byte.
          if (fromClient.length < 4) break;
          const length = fromClient.readInt32BE(0);
          if (fromClient.length < length) break;
          fromClient = fromClient.subarray(length);
          isStarted = true;
          continue;
        }
        if (fromClient.length < 5) break;
        const type = String.fromCharCode(fromClient[0]!);
        const length = fromClient.readInt32BE(1);
        if (fromClient.length < 1 + length) break;
        const body = fromClient.subarray(5, 1 + length);
        fromClient = fromClient.subarray(1 + length);
        if (type === 'Q') record(cString(body, 0).value, []);
        else if (type === 'P') parsedText = cString(body, cString(body, 0).next).value;
        else if (type === 'B') record(parsedText, bindValues(body));
      }
    });

    upstream.on('data', (chunk: Buffer) => {
      client.write(chunk);
      fromServer = Buffer.concat([fromServer, chunk]);
      while (fromServer.length >= 5) {
        const length = fromServer.readInt32BE(1);
        if (fromServer.length < 1 + length) break;
        const type = String.fromCharCode(fromServer[0]!);
        fromServer = fromServer.subarray(1 + length);
        if (type === 'Z') {
          const done = pending.shift();
          if (done) done.doneAt = performance.now();
        }
      }
    });

    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  }
}

function cString(buffer: Buffer, from: number): { value: string; next: number } {
  const end = buffer.indexOf(0, from);
  return { value: buffer.toString('utf8', from, end), next: end + 1 };
}

/** The parameter values of a Bind message (portal, statement, formats, then the values). */
function bindValues(body: Buffer): Array<string | null> {
  let offset = cString(body, cString(body, 0).next).next;
  const formatCount = body.readInt16BE(offset);
  offset += 2 + formatCount * 2;
  const valueCount = body.readInt16BE(offset);
  offset += 2;
  const values: Array<string | null> = [];
  for (let index = 0; index < valueCount; index++) {
    const length = body.readInt32BE(offset);
    offset += 4;
    if (length === -1) {
      values.push(null);
      continue;
    }
    values.push(body.toString('utf8', offset, offset + length));
    offset += length;
  }
  return values;
}
