import { hash, verify } from '@node-rs/argon2';
import { commonPasswords } from './common-passwords.generated';

// OWASP's argon2id baseline: 19 MiB, two passes, one lane. The library's default algorithm
// is argon2id (its enum is const and cannot be imported here); a test pins the hash prefix.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against a throwaway hash when the email is unknown keeps the answer time the
// same, so response times do not reveal which addresses have accounts.
let decoyHash: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword('decoy password that matches nothing');
  await verifyPassword(await decoyHash, password);
  return false;
}

export const TOO_COMMON_PASSWORD =
  'This password is too common: it is on lists attackers try first. Choose a few unrelated words instead.';

const commonList = new Set(commonPasswords.split('\n').filter(Boolean));
// Our own names are the first thing someone guessing at Harbour would try.
const siteWords = ['harbour', 'harbourhelpline', 'helpline'];

/**
 * Whether a new password is one attackers try first, compared without regard to case: on the
 * shipped list; a listed password or our name padded with digits and symbols
 * ("Password1234!", "harbour-2026"); or one short piece repeated ("dragondragon", "abcabcabcabc").
 */
export function isCommonPassword(password: string): boolean {
  const normalised = password.normalize('NFKC').toLowerCase();
  if (commonList.has(normalised)) return true;
  const stem = normalised.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (stem.length > 0 && (commonList.has(stem) || siteWords.includes(stem))) return true;
  return /^(.+?)\1+$/su.test(normalised);
}
