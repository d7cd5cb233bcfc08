import { describe, expect, it } from 'vitest';
import { optionalPostcodeSchema, postcodeSchema } from './postcode';
import { errorsOf } from './test-errors';

describe('UK postcodes, as the two schemas store or refuse them', () => {
  it.each([
    ['cf10 1ep', 'CF10 1EP'],
    [' LL57\t2DG ', 'LL57 2DG'],
    ['w1a0ax', 'W1A 0AX'],
    ['l1 8jq', 'L1 8JQ'],
  ])('writes %j as %s', (typed, stored) => {
    expect(optionalPostcodeSchema.parse(typed)).toBe(stored);
    expect(postcodeSchema.parse(typed)).toBe(stored);
  });

  it.each([[undefined], [''], ['   ']])('takes %j as not given, or as missing when it is required', (typed) => {
    expect(optionalPostcodeSchema.parse(typed)).toBeUndefined();
    expect(errorsOf(postcodeSchema.safeParse(typed))).toEqual({ '': 'Enter the postcode' });
  });

  it.each([['CF10'], ['CF10 1E'], ['10 1EP'], ['CF10 1EPX']])('refuses %j', (typed) => {
    for (const schema of [optionalPostcodeSchema, postcodeSchema]) {
      expect(errorsOf(schema.safeParse(typed))).toEqual({ '': 'Enter a UK postcode, like SW1A 1AA' });
    }
  });
});
