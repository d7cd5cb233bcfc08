import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { useTRPC } from '../../lib/trpc';
import { TwoStepSetup } from './two-step-setup';

/**
 * Where a manager without two-step sign-in lands after signing in: Harbour opens nothing else
 * for them until it is on. `signOut` is the shell's sign-out button.
 */
export function SetUpTwoStepPage({ fullName, signOut }: { fullName: string; signOut: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  useEffect(() => {
    document.title = 'Set up two-step sign-in – Harbour';
  }, []);

  return (
    <main id="main" className="sign-in">
      <div className="sign-in__panel sign-in__panel--wide">
        <p className="sign-in__brand" aria-hidden="true">
          Harbour
        </p>
        <h1>Set up two-step sign-in</h1>
        <Alert tone="info">
          {fullName}, managers can see every case and change everyone&apos;s access, so Harbour asks them for a code from
          their phone as well as a password. Set it up now to continue: it takes about two minutes.
        </Alert>
        <TwoStepSetup
          finishLabel="Continue to Harbour"
          onFinished={() => {
            void queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() }).then(() => navigate('/', { replace: true }));
          }}
        />
        <div className="sign-in__help">{signOut}</div>
      </div>
    </main>
  );
}
