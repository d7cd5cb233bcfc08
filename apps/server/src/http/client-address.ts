import { isIPv6 } from 'node:net';

/**
 * The part of an address that identifies one connection for rate limits. One IPv6 subscriber
 * is handed a whole /64, so counting each address would let them send without limit.
 */
export function addressForLimits(address: string | null): string {
  if (!address) return 'unknown';
  const plain = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  if (!isIPv6(plain)) return plain;
  const [head = '', tail = ''] = plain.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups = plain.includes('::')
    ? [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups]
    : headGroups;
  return `${groups.slice(0, 4).map((group) => group.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
