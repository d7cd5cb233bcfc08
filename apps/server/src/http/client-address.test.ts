import { describe, expect, it } from 'vitest';
import { addressForLimits } from './client-address';

describe('addressForLimits', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:abcd:12:1:2:3:4', '2001:db8:abcd:12::/64'],
    ['2001:db8:abcd:12::99', '2001:db8:abcd:12::/64'],
    ['2001:0DB8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('counts %s as %s', (address, bucket) => {
    expect(addressForLimits(address)).toBe(bucket);
  });

  it('puts every address of one /64 in the same bucket', () => {
    expect(addressForLimits('2001:db8:1:2:aaaa::1')).toBe(addressForLimits('2001:db8:1:2:ffff:ffff:ffff:ffff'));
  });
});
