import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// RFC 6238 TOTP as every authenticator app reads an otpauth:// link: HMAC-SHA-1, 30-second
// steps, 6 digits. Written on node:crypto rather than taken from a package: it is thirty
// lines, and the RFC's own test vectors check it.

export const STEP_SECONDS = 30;
export const DIGITS = 6;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error('not base32');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new 160-bit key, the length RFC 4226 recommends for HMAC-SHA-1. */
export function newTotpKey(): Buffer {
  return randomBytes(20);
}

export function stepAt(time: Date): number {
  return Math.floor(time.getTime() / 1000 / STEP_SECONDS);
}

/** The code for one step (RFC 4226 HOTP with the step as counter). */
export function codeForStep(key: Uint8Array, step: number, digits = DIGITS, algorithm: 'sha1' | 'sha256' | 'sha512' = 'sha1'): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac(algorithm, key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(binary).padStart(digits, '0');
}

export function codeAt(key: Uint8Array, time: Date): string {
  return codeForStep(key, stepAt(time));
}

/**
 * The step whose code this is, trying the step before and after too (a phone's clock a little
 * out, or a code typed as it changed), or null.
 */
export function matchingStep(key: Uint8Array, code: string, time: Date): number | null {
  const now = stepAt(time);
  let found: number | null = null;
  for (const step of [now - 1, now, now + 1]) {
    // Every step is compared, whichever matches, so the time taken says nothing.
    if (timingSafeEqual(Buffer.from(codeForStep(key, step)), Buffer.from(code.padEnd(DIGITS).slice(0, DIGITS)))) found ??= step;
  }
  return found;
}

/** What an authenticator app reads from the QR code. */
export function otpauthUri(key: Uint8Array, accountName: string, issuer = 'Harbour'): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
  const params = new URLSearchParams({ secret: base32Encode(key), issuer, algorithm: 'SHA1', digits: String(DIGITS), period: String(STEP_SECONDS) });
  return `otpauth://totp/${label}?${params.toString()}`;
}

/** The key as people type it from the screen: groups of four letters. */
export function groupedKey(key: Uint8Array): string {
  return base32Encode(key).match(/.{1,4}/g)!.join(' ');
}
