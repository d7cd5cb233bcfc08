import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Button } from '../../components/ui/button';
import { useTRPC } from '../../lib/trpc';
import type { SignInState } from './sign-in-notice';

/** `onSignedOut` clears what other features keep in the browser (drafts of a call in progress). */
export function SignOutButton({ onSignedOut }: { onSignedOut?: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSettled: () => {
        // Nothing about anyone's case may stay in memory after sign-out.
        queryClient.clear();
        onSignedOut?.();
        const state: SignInState = { notice: 'signed-out' };
        navigate('/sign-in', { replace: true, state });
      },
    }),
  );
  return (
    <Button variant="secondary" isBusy={logout.isPending} onClick={() => logout.mutate()}>
      Sign out
    </Button>
  );
}
