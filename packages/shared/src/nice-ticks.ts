/** The round multipliers a step may be, times a power of ten: 1, 2, 2.5, 5, 10, 20, 25, 50 … */
const MULTIPLIERS = [1, 2, 2.5, 5];

/**
 * Gridline values for an axis from zero: 0, step, 2 × step … up to the first at or above `max`,
 * with the step a round number and no more than `count` steps, so a reader can judge a column
 * between two lines. With `whole`, every step is a whole number: a count of admissions has no
 * gridline at 2.5, and whole-number tick labels then never repeat.
 */
export function niceTicks(max: number, count: number, { whole = false }: { whole?: boolean } = {}): number[] {
  const steps = Math.max(1, Math.floor(Number.isFinite(count) ? count : 1));
  // Nothing above zero to scale: one step of 1 still gives the zeros a baseline under a top line.
  if (!Number.isFinite(max) || max <= 0) return [0, 1];

  let exponent = Math.floor(Math.log10(max / steps));
  if (whole) exponent = Math.max(0, exponent);
  for (;;) {
    for (const multiplier of MULTIPLIERS) {
      const step = multiplier * 10 ** exponent;
      if (whole && !Number.isInteger(step)) continue;
      // The tolerance stops 0.3 / 0.1 = 2.9999999999999996 (or a hair over 3) costing a step.
      const needed = Math.ceil(max / step - 1e-9);
      if (needed <= steps) return Array.from({ length: needed + 1 }, (_, index) => tidy(index * step));
    }
    exponent += 1;
  }
}

/** 3 × 0.1 is 0.30000000000000004 in floating point; a tick label must say 0.3. */
const tidy = (value: number) => Number(value.toPrecision(12));
