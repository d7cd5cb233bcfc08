/** Why the sign-in page is showing, passed in the router's location state. */
export interface SignInState {
  from?: string;
  notice?: 'session-ended' | 'signed-out';
}

export const signInNotices: Record<NonNullable<SignInState['notice']>, string> = {
  'session-ended': 'Your session has ended. Please sign in again.',
  'signed-out': 'You have signed out.',
};
