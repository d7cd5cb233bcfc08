import { Readable } from 'node:stream';
import type { Connection, Submittable } from 'pg';

// COPY … TO STDOUT (FORMAT csv) read straight off the connection's socket and written out as
// the file's lines without allocating: each chunk the socket delivers becomes the lines, in
// place, and the response sends views of it.
//
// pg-copy-streams made a Buffer view per row (PostgreSQL sends each row as a message of its
// own) and joined them into a new buffer per chunk, and the CR LF pass made another buffer per
// chunk and another view per row to fill it: about a million short-lived objects and twice the
// file's bytes in short-lived buffers per million rows. Node frees a buffer's memory only when
// V8 collects it, which it does when the young generation fills or 32 MB of buffers have piled
// up, so short-lived buffers count towards the server's peak memory until then (issue 9,
// decision 018). Here the socket's own chunks are the only buffers.

const QUOTE = 0x22;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const HEADER_BYTES = 5;
/** Sent where a row end has no room left in its chunk; never written to. */
const CRLF = Buffer.from('\r\n');

/** Message types (PostgreSQL's frontend/backend protocol) that may come during COPY OUT. */
const COPY_DATA = 0x64;
const ERROR_RESPONSE = 0x45;
// The start of COPY OUT, and what the server may send at any time (PostgreSQL's protocol,
// "COPY Operations"); CopyDone, or anything else, ends the COPY and goes back to pg.
const COPY_OUT_RESPONSE = 0x48;
const PARAMETER_STATUS = 0x53;
const NOTICE_RESPONSE = 0x4e;
const NOTIFICATION_RESPONSE = 0x41;

const isCopyUnderWay = (code: number) =>
  code === COPY_DATA || code === COPY_OUT_RESPONSE || code === PARAMETER_STATUS || code === NOTICE_RESPONSE || code === NOTIFICATION_RESPONSE;

/**
 * The protocol's messages, however the socket splits them, as the file's lines: the rows of the
 * CopyData messages with each row-ending line feed made CR LF (RFC 4180, and what Excel on
 * Windows expects). A line feed inside a quoted cell is part of the cell and stays: quotes come
 * in pairs within a row, so a line feed ends a row when the quotes seen since it began are even.
 */
export class CopyOutLines {
  /** Where the COPY's messages ended in the last chunk read: what follows is pg's to read. */
  restAt = -1;
  /** True once the COPY has ended, with CopyDone or with an ErrorResponse left for pg to read. */
  isOver = false;
  /** True when it ended with an ErrorResponse: pg fails the query with it. */
  hasFailed = false;
  private code = 0;
  private headerRead = 0;
  private messageLength = 0;
  private unread = 0;
  private isInQuotes = false;

  /**
   * Hands `send` the lines in this chunk of the socket's bytes, as views of the chunk: the rows
   * are moved down over the headers before them, so the five bytes of each header make room for
   * its row's CR. A row begun in the last chunk has no header here; its end is sent as CRLF.
   */
  linesOf(chunk: Buffer, send: (lines: Buffer) => void): void {
    let from = 0;
    let written = 0;
    let at = 0;
    while (at < chunk.length && !this.isOver) {
      if (this.headerRead < HEADER_BYTES) {
        if (this.headerRead === 0) {
          this.code = chunk[at]!;
          // pg reads the error itself, from its first byte, and fails the query with it.
          if (this.code === ERROR_RESPONSE) {
            this.hasFailed = true;
            this.end(at);
            break;
          }
          this.messageLength = 0;
        } else {
          this.messageLength = this.messageLength * 256 + chunk[at]!;
        }
        at += 1;
        this.headerRead += 1;
        if (this.headerRead < HEADER_BYTES) continue;
        this.unread = this.messageLength - 4;
      }
      const end = Math.min(chunk.length, at + this.unread);
      if (this.code === COPY_DATA) {
        let isInQuotes = this.isInQuotes;
        for (let index = at; index < end; index += 1) {
          const byte = chunk[index]!;
          if (byte === QUOTE) isInQuotes = !isInQuotes;
          else if (byte === LINE_FEED && !isInQuotes) {
            if (written < index) {
              chunk[written] = CARRIAGE_RETURN;
              written += 1;
            } else {
              if (written > from) send(chunk.subarray(from, written));
              send(CRLF);
              from = index + 1;
              written = from;
              continue;
            }
          }
          chunk[written] = byte;
          written += 1;
        }
        this.isInQuotes = isInQuotes;
      }
      this.unread -= end - at;
      at = end;
      if (this.unread > 0) break;
      this.headerRead = 0;
      if (!isCopyUnderWay(this.code)) this.end(at);
    }
    if (written > from) send(chunk.subarray(from, written));
  }

  private end(restAt: number): void {
    this.isOver = true;
    this.restAt = restAt;
  }
}

type DataListener = (chunk: Buffer) => void;

/**
 * `client.query(new CopyCsvRows(sql))` runs the COPY and reads its rows as the file's lines. For
 * the COPY's length it takes the socket from pg, as pg-copy-streams does, and hands it back at
 * the end with whatever followed (CommandComplete, ReadyForQuery, or the error pg reports).
 * The socket is paused whenever the reader is behind: a slow client holds COPY back.
 */
export class CopyCsvRows extends Readable implements Submittable {
  private readonly lines = new CopyOutLines();
  private connection: Connection | null = null;
  private pgListener: DataListener | null = null;
  private isSocketPaused = false;

  constructor(private readonly text: string) {
    super();
  }

  /** pg fails the query with the error returned. */
  submit(connection: Connection): Error | undefined {
    this.connection = connection;
    const listeners = connection.stream.listeners('data') as DataListener[];
    if (listeners.length !== 1) return new Error(`A COPY needs the connection's one data listener; it has ${listeners.length}`);
    this.pgListener = listeners[0]!;
    connection.stream.removeListener('data', this.pgListener);
    connection.stream.on('data', this.onData);
    connection.query(this.text);
    return undefined;
  }

  private readonly onData = (chunk: Buffer): void => {
    let wantsMore = true;
    this.lines.linesOf(chunk, (lines) => {
      wantsMore = this.push(lines);
    });
    if (this.lines.isOver) {
      this.handBack(chunk.subarray(this.lines.restAt));
      return;
    }
    if (!wantsMore) {
      this.isSocketPaused = true;
      this.connection!.stream.pause();
    }
  };

  override _read(): void {
    if (!this.isSocketPaused) return;
    this.isSocketPaused = false;
    this.connection?.stream.resume();
  }

  private handBack(rest: Buffer): void {
    const stream = this.connection!.stream;
    const pgListener = this.pgListener!;
    stream.removeListener('data', this.onData);
    stream.on('data', pgListener);
    // Ended cleanly, the rows are all here; after an error, pg's handleError ends the stream.
    if (!this.lines.hasFailed) this.push(null);
    if (rest.length > 0) pgListener(rest);
  }

  handleError(error: Error): void {
    this.destroy(error);
  }

  handleCommandComplete(): void {}

  handleReadyForQuery(): void {}
}
