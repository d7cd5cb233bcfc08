import { loginSchema } from '@harbour/shared/users';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/text-field';
import { useServerErrors, useZodForm } from '../../lib/form';
import { useTRPC } from '../../lib/trpc';
import { signInNotices, type SignInState } from './sign-in-notice';

export function SignInPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as SignInState;
  const form = useZodForm(loginSchema, { email: '', password: '' });
  const { failure, onServerError, submitWith } = useServerErrors(form);
  const failureRef = useRef<HTMLDivElement>(null);

  const login = useMutation(
    trpc.auth.login.mutationOptions({
      meta: { handlesOwnUnauthorized: true },
      onSuccess: (user) => {
        queryClient.setQueryData(trpc.auth.me.queryKey(), user);
        navigate(state.from && state.from !== '/sign-in' ? state.from : '/', { replace: true });
      },
      onError: onServerError,
    }),
  );

  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  useEffect(() => {
    document.title = 'Sign in – Harbour';
  }, []);

  const { errors } = form.formState;
  return (
    <main id="main" className="sign-in">
      <div className="sign-in__panel">
        <p className="sign-in__brand" aria-hidden="true">
          Harbour
        </p>
        <h1>Sign in to Harbour</h1>
        <p className="sign-in__lead">For helpline staff only. Your activity is recorded.</p>
        {state.notice && !failure && <Alert tone="info">{signInNotices[state.notice]}</Alert>}
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
        <p className="sign-in__help">Locked out or forgotten your password? Ask a manager on shift to set a new one.</p>
        <p className="sign-in__help">
          Looking for help for yourself or someone else? <a href="/request-callback">Ask us to call you back</a>.
        </p>
      </div>
    </main>
  );
}
