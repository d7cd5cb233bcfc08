import { describe, expect, it } from 'vitest';
import { niceTicks } from './nice-ticks';

describe('niceTicks', () => {
  it('starts at zero and steps in round numbers to the first tick at or above the largest value', () => {
    expect(niceTicks(100, 4)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(40, 4)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(1234, 4)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(9, 4)).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(niceTicks(73, 5)).toEqual([0, 20, 40, 60, 80]);
  });

  it('never takes more steps than asked for, and stops at the first tick that reaches the largest value', () => {
    for (const max of [1, 3, 7, 9.5, 11, 19, 26, 99, 101, 640, 999, 12_345]) {
      for (const count of [3, 4, 5]) {
        const ticks = niceTicks(max, count);
        expect(ticks.length - 1).toBeLessThanOrEqual(count);
        expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
        // One step fewer would have left the largest value above the top line.
        expect(ticks.at(-2)).toBeLessThan(max);
      }
    }
  });

  it('keeps to whole steps for counts, so no two whole-number labels are the same', () => {
    expect(niceTicks(9, 4, { whole: true })).toEqual([0, 5, 10]);
    expect(niceTicks(3, 4, { whole: true })).toEqual([0, 1, 2, 3]);
    expect(niceTicks(1, 4, { whole: true })).toEqual([0, 1]);
    expect(niceTicks(12, 4, { whole: true })).toEqual([0, 5, 10, 15]);
  });

  it('gives small fractions exact, readable ticks', () => {
    expect(niceTicks(0.3, 4)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0.7, 4)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });

  it('still gives an axis when there is nothing above zero', () => {
    expect(niceTicks(0, 4)).toEqual([0, 1]);
    expect(niceTicks(-5, 4)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN, 4)).toEqual([0, 1]);
  });
});
