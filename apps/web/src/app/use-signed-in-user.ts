import { useOutletContext } from 'react-router';
import type { RouterOutputs } from '../lib/trpc';

export type SignedInUser = RouterOutputs['auth']['me'];

/** The user the app shell has already checked, for the pages inside it. */
export function useSignedInUser(): SignedInUser {
  return useOutletContext<{ user: SignedInUser }>().user;
}
