import { existsSync } from 'node:fs';

/** Debian's Chromium; a downloaded browser cannot be fetched on these machines. */
export function chromiumPath(): string | null {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return existsSync(candidate) ? candidate : null;
}
