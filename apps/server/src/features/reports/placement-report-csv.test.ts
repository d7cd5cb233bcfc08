import { describe, expect, it } from 'vitest';
import { csvCell } from './placement-report-csv';

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
