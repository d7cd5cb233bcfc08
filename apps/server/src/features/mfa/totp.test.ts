import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, codeAt, codeForStep, groupedKey, matchingStep, otpauthUri, stepAt } from './totp';

// RFC 6238 appendix B: the same instants, for each HMAC, with the RFC's own seeds.
const seeds = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};
const vectors: Array<[number, string, string, string]> = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP', () => {
  it.each(vectors)('matches RFC 6238 at %i seconds', (seconds, sha1, sha256, sha512) => {
    const step = stepAt(new Date(seconds * 1000));
    expect(codeForStep(seeds.sha1, step, 8, 'sha1')).toBe(sha1);
    expect(codeForStep(seeds.sha256, step, 8, 'sha256')).toBe(sha256);
    expect(codeForStep(seeds.sha512, step, 8, 'sha512')).toBe(sha512);
  });

  it('gives six digits, the last six of the eight-digit code', () => {
    expect(codeAt(seeds.sha1, new Date(59_000))).toBe('287082');
  });

  it('accepts the step before and after, and nothing further out', () => {
    const now = new Date(1_111_111_111_000);
    const step = stepAt(now);
    expect(matchingStep(seeds.sha1, codeForStep(seeds.sha1, step), now)).toBe(step);
    expect(matchingStep(seeds.sha1, codeForStep(seeds.sha1, step - 1), now)).toBe(step - 1);
    expect(matchingStep(seeds.sha1, codeForStep(seeds.sha1, step + 1), now)).toBe(step + 1);
    expect(matchingStep(seeds.sha1, codeForStep(seeds.sha1, step - 2), now)).toBeNull();
    expect(matchingStep(seeds.sha1, codeForStep(seeds.sha1, step + 2), now)).toBeNull();
    expect(matchingStep(seeds.sha1, '12345', now)).toBeNull();
  });

  it('writes keys in RFC 4648 base32 and reads them back, spaces and case aside', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('mzxw 6ytb oi').toString()).toBe('foobar');
    expect(groupedKey(Buffer.from('12345678901234567890'))).toBe('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ');
  });

  it('describes the key for an authenticator app: SHA-1, 6 digits, 30 seconds, Harbour as issuer', () => {
    const uri = new URL(otpauthUri(seeds.sha1, 'grace@harbour.test'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Harbour:grace@harbour.test');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
      issuer: 'Harbour',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});
