import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { DEVELOPMENT_SECRET_KEY } from '../../env';

// Two-step secrets are sealed with a key derived from HARBOUR_SECRET_KEY, which lives in the
// environment and never in the database: a stolen backup holds neither TOTP keys nor codes
// that can be checked offline.

// Set once at start from the environment (main.ts, the seed); until then the development key.
let configured = DEVELOPMENT_SECRET_KEY;

export function configureSecretKey(secret: string): void {
  configured = secret;
}

function derived(purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', configured, 'harbour', purpose, 32));
}

const VERSION = 'v1';

/** AES-256-GCM: the tag also proves the sealed text was not altered or moved between rows. */
export function seal(plain: Uint8Array, boundTo: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derived('totp-secret'), iv);
  cipher.setAAD(Buffer.from(boundTo));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function unseal(sealed: string, boundTo: string): Buffer {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('sealed secret has an unknown format');
  const decipher = createDecipheriv('aes-256-gcm', derived('totp-secret'), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(boundTo));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
}

/** A keyed hash for recovery codes: without the key, a copy of the table cannot be guessed against. */
export function recoveryCodeHash(normalisedCode: string): string {
  return createHmac('sha256', derived('recovery-code')).update(normalisedCode).digest('hex');
}
