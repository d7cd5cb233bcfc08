import { z } from 'zod';

// Every record an adviser opens is named by a uuid and edited at a version: an unknown id is
// refused in words, and a stale version is a conflict to reload, never a silent overwrite.

/** The id of a `thing` ("clinic", "placement"). */
export function recordIdSchema(thing: string) {
  return z.uuid({ error: `Unknown ${thing}` });
}

/** The version of a `thing` that the adviser was looking at. */
export function recordVersionSchema(thing: string) {
  const message = `Reload the ${thing} and try again`;
  return z.number({ error: message }).int(message).positive(message);
}
