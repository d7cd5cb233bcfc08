import { describe, expect, it } from 'vitest';
import { CopyOutLines } from './placement-report-copy';

/** A protocol message: its type, its length (itself included) and its body. */
function message(type: string, body: string | Buffer = ''): Buffer {
  const content = typeof body === 'string' ? Buffer.from(body) : body;
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeUInt32BE(content.length + 4, 1);
  return Buffer.concat([header, content]);
}

// What PostgreSQL sends for a COPY of three rows: the start, a row per message (line feeds end
// rows, except inside quoted cells), a notice in between, the end, then pg's own replies.
const rows = ['A,"two\nlines",1\n', '"say ""hi""",x\n', ',"\r\n",\n'];
const inFile = 'A,"two\nlines",1\r\n"say ""hi""",x\r\n,"\r\n",\r\n';
const copyOut = Buffer.concat([
  message('H', Buffer.from([0, 0, 3, 0, 0, 0, 0, 0, 0])),
  message('d', rows[0]),
  message('N', 'SNOTICE\0\0'),
  message('d', rows[1]),
  message('d', rows[2]),
  message('c'),
]);
const afterwards = Buffer.concat([message('C', 'COPY 3\0'), message('Z', 'T')]);

/** Reads chunks of copies of the bytes, as the lines are written over the chunks they came in. */
function readAll(pieces: Buffer[]) {
  const chunks = pieces.map((piece) => Buffer.from(piece));
  const lines = new CopyOutLines();
  const sent: Buffer[] = [];
  for (const [index, chunk] of chunks.entries()) {
    lines.linesOf(chunk, (piece) => sent.push(Buffer.from(piece)));
    if (lines.isOver) return { text: Buffer.concat(sent).toString(), rest: Buffer.concat([chunk.subarray(lines.restAt), ...chunks.slice(index + 1)]), lines };
  }
  return { text: Buffer.concat(sent).toString(), rest: Buffer.alloc(0), lines };
}

describe("COPY's rows as the file's lines", () => {
  it('end each row with CR LF, leave line breaks inside cells alone and hand back what follows, wherever the socket splits', () => {
    const bytes = Buffer.concat([copyOut, afterwards]);
    for (let first = 0; first <= bytes.length; first += 1) {
      for (let second = first; second <= bytes.length; second += 1) {
        const { text, rest, lines } = readAll([bytes.subarray(0, first), bytes.subarray(first, second), bytes.subarray(second)]);
        expect(text).toBe(inFile);
        expect(rest.equals(afterwards)).toBe(true);
        expect(lines.hasFailed).toBe(false);
      }
    }
  });

  it('stop at an error and leave it, from its first byte, for pg to read', () => {
    const error = message('E', 'SERROR\0Mcanceling statement due to statement timeout\0\0');
    const bytes = Buffer.concat([copyOut.subarray(0, copyOut.length - 5), error, message('Z', 'I')]);
    const { text, rest, lines } = readAll([bytes]);
    expect(text).toBe(inFile);
    expect(lines.hasFailed).toBe(true);
    expect(rest[0]).toBe('E'.charCodeAt(0));
    expect(rest.length).toBe(error.length + 6);
  });

  it('are written over the chunk they came in, however many rows one message holds', () => {
    const chunk = Buffer.concat([message('d', 'a\n'), message('d', 'row\n'.repeat(10_000)), message('d', 'b\n')]);
    const sent: Buffer[] = [];
    new CopyOutLines().linesOf(chunk, (piece) => sent.push(piece));
    expect(Buffer.concat(sent).toString()).toBe(`a\r\n${'row\r\n'.repeat(10_000)}b\r\n`);
    expect(sent.every((piece) => piece.buffer === chunk.buffer || piece.toString() === '\r\n')).toBe(true);
  });
});
