import { describe, expect, it } from 'vitest';
import { formatUkPhone, toUkE164 } from './phone';

describe('toUkE164: UK numbers as people type them', () => {
  it.each([
    ['07400 123456', '+447400123456'],
    ['07400123456', '+447400123456'],
    ['07400-123-456', '+447400123456'],
    ['  07400 123456  ', '+447400123456'],
    ['+44 7400 123456', '+447400123456'],
    ['+447400123456', '+447400123456'],
    ['0044 7400 123456', '+447400123456'],
    ['020 7946 0000', '+442079460000'],
    ['+44 (0)20 7946 0000', '+442079460000'],
    ['0808 157 0192', '+448081570192'],
  ])('accepts %s as %s', (typed, e164) => {
    expect(toUkE164(typed)).toBe(e164);
  });

  // Guernsey, Jersey and the Isle of Man share +44: their people are callers like any other.
  it.each([
    ['a Guernsey mobile', '07911 123456', '+447911123456'],
    ['a Jersey mobile', '07797 123456', '+447797123456'],
    ['an Isle of Man mobile', '07624 123456', '+447624123456'],
    ['a Guernsey landline', '01481 256789', '+441481256789'],
    ['a Jersey landline', '01534 456789', '+441534456789'],
    ['an Isle of Man landline', '01624 612345', '+441624612345'],
  ])('accepts %s', (_what, typed, e164) => {
    expect(toUkE164(typed)).toBe(e164);
  });

  it.each([
    ["Ofcom's drama range, which no phone answers", '07700 900123'],
    ['a US number', '+1 202 555 0143'],
    ['a US number written the American way', '(202) 555-0143'],
    ['an Irish mobile', '+353 85 123 4567'],
    ['too few digits', '07400 1234'],
    ['an emergency number', '999'],
    ['words', 'call me please'],
    ['nothing', ''],
  ])('refuses %s (%s)', (_what, typed) => {
    expect(toUkE164(typed)).toBeNull();
  });
});

describe('formatUkPhone', () => {
  it('shows a stored number the way it is written in the UK', () => {
    expect(formatUkPhone('+447400123456')).toBe('07400 123456');
    expect(formatUkPhone('+442079460000')).toBe('020 7946 0000');
  });
});
