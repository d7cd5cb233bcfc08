import { confirmEnrolmentSchema } from '@harbour/shared/two-step';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { FormActions } from '../../components/ui/form-panel';
import { ErrorState, LoadingState } from '../../components/ui/page-states';
import { CodeField } from '../../components/ui/code-field';
import { useServerErrors, useZodForm } from '../../lib/form';
import { messageOf, useTRPC } from '../../lib/trpc';
import { RecoveryCodes } from './recovery-codes';

interface TwoStepSetupProps {
  /** Called once the recovery codes have been seen and put away. */
  onFinished: () => void;
  onCancel?: () => void;
  finishLabel: string;
}

/** Scan (or type) the key, prove it with a code, then keep the recovery codes. */
export function TwoStepSetup({ onFinished, onCancel, finishLabel }: TwoStepSetupProps) {
  const trpc = useTRPC();
  const start = useMutation(trpc.mfa.startEnrolment.mutationOptions());
  const form = useZodForm(confirmEnrolmentSchema, { code: '' });
  const { failure, onServerError, submitWith } = useServerErrors(form);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const confirm = useMutation(
    trpc.mfa.confirmEnrolment.mutationOptions({
      onSuccess: (result) => setRecoveryCodes(result.recoveryCodes),
      onError: onServerError,
    }),
  );
  const { mutate: startEnrolment } = start;
  // Once per visit: each start makes a new key, and a second would replace the one on screen.
  const hasStarted = useRef(false);

  useEffect(() => {
    if (hasStarted.current) return;
    hasStarted.current = true;
    startEnrolment();
  }, [startEnrolment]);

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={onFinished} doneLabel={finishLabel} />;
  if (start.isError) return <ErrorState message={messageOf(start.error)} onRetry={() => start.mutate()} />;
  if (!start.data) return <LoadingState label="Making your key…" />;

  return (
    <div className="two-step-setup">
      <ol className="two-step-setup__steps">
        <li>
          <p>
            Install an authenticator app on your phone if you do not have one (for example Microsoft Authenticator, Google
            Authenticator or 1Password).
          </p>
        </li>
        <li>
          <p>In the app, add an account and scan this QR code.</p>
          <img className="two-step-setup__qr" src={start.data.qrCode} alt="QR code to add Harbour to your authenticator app" width={200} height={200} />
          <p>Can&apos;t scan it? Choose to enter a key instead, and type this key (time-based):</p>
          <p>
            <code className="two-step-setup__key" aria-label={`Key: ${start.data.key}`}>
              {start.data.key}
            </code>
          </p>
          <p className="muted">Account: {start.data.accountName}</p>
        </li>
        <li>
          <form
            noValidate
            aria-labelledby="confirm-code-label"
            onSubmit={submitWith((values) => confirm.mutate(values))}
          >
            <p id="confirm-code-label">Enter the 6-digit code the app now shows for Harbour, to check it works.</p>
            {failure && <Alert tone="error">{failure}</Alert>}
            <CodeField error={form.formState.errors.code?.message} {...form.register('code')} />
            <FormActions submitLabel="Turn on two-step sign-in" busyLabel="Checking…" isBusy={confirm.isPending} onCancel={onCancel} />
          </form>
        </li>
      </ol>
      {!onCancel && (
        <p className="muted">
          Changed phone part way?{' '}
          <Button variant="link" onClick={() => start.mutate()}>
            Make a new key
          </Button>
        </p>
      )}
    </div>
  );
}
