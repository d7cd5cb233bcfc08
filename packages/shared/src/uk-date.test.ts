import { describe, expect, it } from 'vitest';
import { fromUkDate, toUkDate } from './uk-date';

describe('UK dates', () => {
  it.each([
    ['17/05/1990', '1990-05-17'],
    ['7/5/1990', '1990-05-07'],
    [' 17.05.1990 ', '1990-05-17'],
    ['29/02/2024', '2024-02-29'],
  ])('reads %s as %s', (typed, iso) => {
    expect(fromUkDate(typed)).toBe(iso);
  });

  it.each(['31/02/2000', '29/02/2023', '05/17/1990', '1990', 'yesterday'])('leaves %s as typed for the schema to refuse', (typed) => {
    expect(fromUkDate(typed)).toBe(typed);
  });

  it('writes a stored day the UK way', () => {
    expect(toUkDate('1990-05-17')).toBe('17/05/1990');
  });
});
