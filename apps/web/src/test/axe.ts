import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * Fails with each rule broken and where, rather than a bare count. Colour contrast is left to
 * the browser tests: jsdom computes no styles, so axe cannot judge it here.
 */
export async function expectNoAxeViolations(container: HTMLElement) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}
