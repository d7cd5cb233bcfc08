import { describe, expect, it } from 'vitest';
import { CopyRowEnds, csvCell } from './placement-report-csv';

describe('a CSV cell', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+44 161 496 0123', "'+44 161 496 0123"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tTabbed', "'\tTabbed"],
    ['\rReturned', `"'\rReturned"`],
  ])('makes %j inert as a formula', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says, and leaves plain text alone', () => {
    expect(csvCell('Oak House, Preston')).toBe('"Oak House, Preston"');
    expect(csvCell('The "Lodge"')).toBe('"The ""Lodge"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('£1,400.00')).toBe('"£1,400.00"');
    expect(csvCell('Oak House')).toBe('Oak House');
    expect(csvCell('')).toBe('');
  });
});

describe("COPY's row ends", () => {
  // Three rows as COPY writes them: line feeds end rows, except inside quoted cells.
  const fromCopy = 'A,"two\nlines",1\n"say ""hi""",x\n,"\r\n",\n';
  const inFile = 'A,"two\nlines",1\r\n"say ""hi""",x\r\n,"\r\n",\r\n';

  it('end each row with CR LF and leave line breaks inside cells alone, wherever the chunks split', () => {
    const bytes = Buffer.from(fromCopy);
    for (let first = 0; first <= bytes.length; first += 1) {
      for (let second = first; second <= bytes.length; second += 1) {
        const rowEnds = new CopyRowEnds();
        const chunks = [bytes.subarray(0, first), bytes.subarray(first, second), bytes.subarray(second)];
        expect(Buffer.concat(chunks.map((chunk) => rowEnds.toCrlf(chunk))).toString()).toBe(inFile);
      }
    }
  });

  it('count far more rows in one chunk than they first make room for', () => {
    const many = 'row\n'.repeat(10_000);
    expect(new CopyRowEnds().toCrlf(Buffer.from(many)).toString()).toBe('row\r\n'.repeat(10_000));
  });
});
