import { signInCodeSchema } from '@harbour/shared/sign-in';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { CodeField } from '../../components/ui/code-field';
import { useCheckedForm, useServerErrors } from '../../lib/form';

interface SignInCodeFormProps {
  isBusy: boolean;
  /** Sends the code; rejects with the server's error for the form to show. */
  onCode: (code: string, onError: (error: unknown) => void) => void;
  onStartAgain: () => void;
}

/** The second step of signing in: the password was right, now the code from the app. */
export function SignInCodeForm({ isBusy, onCode, onStartAgain }: SignInCodeFormProps) {
  const form = useCheckedForm(signInCodeSchema, { code: '' });
  const { failure, onServerError, submitWith } = useServerErrors(form);
  const failureRef = useRef<HTMLDivElement>(null);
  const [isRecoveryCode, setIsRecoveryCode] = useState(false);

  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  return (
    <>
      <h1>Enter your code</h1>
      <p className="sign-in__lead">
        {isRecoveryCode
          ? 'Enter one of your recovery codes.'
          : 'Open the authenticator app on your phone and enter the 6-digit code it shows for Harbour.'}
      </p>
      {failure && (
        <Alert tone="error" ref={failureRef}>
          {failure}
        </Alert>
      )}
      <form noValidate onSubmit={submitWith(({ code }) => onCode(code, onServerError))}>
        <CodeField
          // A new field for each kind of code, so the cursor lands in it and the keyboard suits it.
          key={isRecoveryCode ? 'recovery' : 'app'}
          label={isRecoveryCode ? 'Recovery code' : 'Code from your app'}
          hint={isRecoveryCode ? 'One of the ten codes you saved when you set up two-step sign-in. Each works once.' : '6 digits. A new code shows every 30 seconds.'}
          inputMode={isRecoveryCode ? 'text' : 'numeric'}
          error={form.formState.errors.code?.message}
          {...form.register('code')}
        />
        <Button type="submit" isBusy={isBusy}>
          {isBusy ? 'Checking…' : 'Continue'}
        </Button>
      </form>
      <p className="sign-in__help">
        <Button
          variant="link"
          onClick={() => {
            form.reset({ code: '' });
            setIsRecoveryCode(!isRecoveryCode);
          }}
        >
          {isRecoveryCode ? 'Use a code from your app instead' : 'Lost your phone? Use a recovery code'}
        </Button>
      </p>
      <p className="sign-in__help">
        <Button variant="link" onClick={onStartAgain}>
          Start again with your email and password
        </Button>
      </p>
      <p className="sign-in__help">No phone and no recovery codes? Ask a manager on shift to reset your two-step sign-in.</p>
    </>
  );
}
