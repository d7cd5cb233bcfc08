import { loginSchema } from '@harbour/shared/sign-in';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/text-field';
import { useCheckedForm, useServerErrors } from '../../lib/form';
import { errorCodeOf, messageOf, useTRPC, type RouterOutputs } from '../../lib/trpc';
import { SignInCodeForm } from './sign-in-code-form';
import { signInNotices, type SignInState } from './sign-in-notice';

type Answer = RouterOutputs['auth']['login'];
type SignedIn = Extract<Answer, { status: 'signed_in' }>;

export function SignInPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as SignInState;
  const form = useCheckedForm(loginSchema, { email: '', password: '' });
  const { failure, onServerError, submitWith } = useServerErrors(form);
  const failureRef = useRef<HTMLDivElement>(null);

  // The code step holds a short-lived token from the password step, never the password itself.
  const [pendingToken, setPendingToken] = useState<string | null>(null);
  const [endedNotice, setEndedNotice] = useState<string | null>(null);

  const enter = ({ user }: SignedIn) => {
    queryClient.setQueryData(trpc.auth.me.queryKey(), user);
    // A manager without two-step sign-in can do nothing else until it is set up.
    const destination = user.mustSetUpTwoStep ? '/set-up-two-step' : state.from && state.from !== '/sign-in' ? state.from : '/';
    navigate(destination, { replace: true });
  };

  const login = useMutation(
    trpc.auth.login.mutationOptions({
      meta: { handlesOwnUnauthorized: true },
      onSuccess: (answer) => {
        if (answer.status === 'code_needed') {
          setEndedNotice(null);
          setPendingToken(answer.pendingToken);
          form.setValue('password', '');
        } else enter(answer);
      },
      onError: onServerError,
    }),
  );

  const verify = useMutation(
    trpc.auth.verifyCode.mutationOptions({
      meta: { handlesOwnUnauthorized: true },
      onSuccess: (answer) => {
        if (answer.status === 'signed_in') enter(answer);
      },
    }),
  );

  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  useEffect(() => {
    document.title = 'Sign in – Harbour';
  }, []);

  const { errors } = form.formState;
  const passwordStep = (
    <>
      <h1>Sign in to Harbour</h1>
      <p className="sign-in__lead">For helpline staff only. Your activity is recorded.</p>
      {endedNotice && !failure && (
        <Alert tone="error" isFocusedOnShow>
          {endedNotice}
        </Alert>
      )}
      {state.notice && !failure && !endedNotice && <Alert tone="info">{signInNotices[state.notice]}</Alert>}
      {failure && (
        <Alert tone="error" ref={failureRef}>
          {failure}
        </Alert>
      )}
      <form noValidate onSubmit={submitWith((values) => login.mutate(values))}>
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          autoFocus
          spellCheck={false}
          error={errors.email?.message}
          {...form.register('email')}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          error={errors.password?.message}
          {...form.register('password')}
        />
        <Button type="submit" isBusy={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
    </>
  );

  return (
    <main id="main" className="sign-in">
      <div className="sign-in__panel">
        <p className="sign-in__brand" aria-hidden="true">
          Harbour
        </p>
        {pendingToken ? (
          <SignInCodeForm
            isBusy={verify.isPending}
            onCode={(code, onError) =>
              verify.mutate(
                { pendingToken, code },
                {
                  onError: (error) => {
                    // Too late or too many tries: back to the password, saying why.
                    if (errorCodeOf(error) === 'UNAUTHORIZED') {
                      setPendingToken(null);
                      setEndedNotice(messageOf(error));
                    } else onError(error);
                  },
                },
              )
            }
            onStartAgain={() => setPendingToken(null)}
          />
        ) : (
          passwordStep
        )}
        <p className="sign-in__help">Locked out or forgotten your password? Ask a manager on shift to set a new one.</p>
        <p className="sign-in__help">
          Looking for help for yourself or someone else? <a href="/request-callback">Ask us to call you back</a>.
        </p>
      </div>
    </main>
  );
}
