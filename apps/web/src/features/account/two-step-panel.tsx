import { currentCodeSchema } from '@harbour/shared/two-step';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { FormActions } from '../../components/ui/form-panel';
import { ErrorState, LoadingState } from '../../components/ui/page-states';
import { CodeField } from '../../components/ui/code-field';
import { useServerErrors, useZodForm } from '../../lib/form';
import { messageOf, useTRPC } from '../../lib/trpc';
import { RecoveryCodes } from './recovery-codes';
import { TwoStepSetup } from './two-step-setup';

type Mode = 'view' | 'set-up' | 'new-codes' | 'turn-off';

/** A current code, asked for before changing anything about two-step sign-in. */
function CodeCheckForm({ submitLabel, busyLabel, isBusy, onCode, onCancel, intro }: {
  submitLabel: string;
  busyLabel: string;
  isBusy: boolean;
  intro: string;
  onCode: (code: string, onError: (error: unknown) => void) => void;
  onCancel: () => void;
}) {
  const form = useZodForm(currentCodeSchema, { code: '' });
  const { failure, onServerError, submitWith } = useServerErrors(form);
  return (
    <form noValidate onSubmit={submitWith(({ code }) => onCode(code, onServerError))}>
      <p>{intro}</p>
      {failure && <Alert tone="error">{failure}</Alert>}
      <CodeField hint="Or one of your recovery codes." error={form.formState.errors.code?.message} {...form.register('code')} />
      <FormActions submitLabel={submitLabel} busyLabel={busyLabel} isBusy={isBusy} onCancel={onCancel} />
    </form>
  );
}

export function TwoStepPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const status = useQuery(trpc.mfa.status.queryOptions());
  const [mode, setMode] = useState<Mode>('view');
  const [notice, setNotice] = useState<string | null>(null);
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.mfa.status.queryKey() });

  const regenerate = useMutation(
    trpc.mfa.regenerateRecoveryCodes.mutationOptions({
      onSuccess: ({ recoveryCodes }) => {
        setNewCodes(recoveryCodes);
        void refresh();
      },
    }),
  );
  const turnOff = useMutation(
    trpc.mfa.turnOff.mutationOptions({
      onSuccess: () => {
        setMode('view');
        setNotice('Two-step sign-in is off. You now sign in with your password alone.');
        void refresh();
      },
    }),
  );

  const body = () => {
    if (status.isPending) return <LoadingState label="Checking two-step sign-in…" />;
    if (status.isError) return <ErrorState message={messageOf(status.error)} onRetry={() => void status.refetch()} />;
    const { isEnabled, isRequired, recoveryCodesLeft } = status.data;
    if (mode === 'set-up') {
      return (
        <TwoStepSetup
          finishLabel="I have saved my codes"
          onCancel={() => setMode('view')}
          onFinished={() => {
            setMode('view');
            setNotice('Two-step sign-in is on. Next time you sign in, Harbour will ask for a code from your app.');
            void refresh();
          }}
        />
      );
    }
    if (newCodes) {
      return (
        <RecoveryCodes
          codes={newCodes}
          doneLabel="I have saved my codes"
          onDone={() => {
            setNewCodes(null);
            setMode('view');
            setNotice('Your new recovery codes are ready. The old ones no longer work.');
          }}
        />
      );
    }
    if (!isEnabled) {
      return (
        <>
          <p>
            Two-step sign-in is <strong>off</strong>. Turn it on and Harbour will ask for a code from an app on your phone as
            well as your password, so a stolen password alone cannot open anyone&apos;s records.
            {isRequired && ' Managers must use it.'}
          </p>
          <Button
            onClick={() => {
              setNotice(null);
              setMode('set-up');
            }}
          >
            Set up two-step sign-in
          </Button>
        </>
      );
    }
    return (
      <>
        <p>
          Two-step sign-in is <strong>on</strong>. You have{' '}
          <strong>
            {recoveryCodesLeft} recovery {recoveryCodesLeft === 1 ? 'code' : 'codes'}
          </strong>{' '}
          left.
        </p>
        {recoveryCodesLeft <= 3 && <Alert tone="info">You are running out of recovery codes: make a new set.</Alert>}
        {mode === 'new-codes' ? (
          <CodeCheckForm
            intro="New codes replace all of your old ones. Enter a current code to confirm it is you."
            submitLabel="Make new recovery codes"
            busyLabel="Making codes…"
            isBusy={regenerate.isPending}
            onCode={(code, onError) => regenerate.mutate({ code }, { onError })}
            onCancel={() => setMode('view')}
          />
        ) : mode === 'turn-off' ? (
          <CodeCheckForm
            intro="Enter a current code to turn two-step sign-in off."
            submitLabel="Turn off two-step sign-in"
            busyLabel="Turning off…"
            isBusy={turnOff.isPending}
            onCode={(code, onError) => turnOff.mutate({ code }, { onError })}
            onCancel={() => setMode('view')}
          />
        ) : (
          <div className="button-row">
            <Button
              variant="secondary"
              onClick={() => {
                setNotice(null);
                setMode('new-codes');
              }}
            >
              Make new recovery codes
            </Button>
            {!isRequired && (
              <Button
                variant="secondary"
                onClick={() => {
                  setNotice(null);
                  setMode('turn-off');
                }}
              >
                Turn off
              </Button>
            )}
          </div>
        )}
        {isRequired && <p className="muted">Managers must keep two-step sign-in on. New phone? Ask another manager to reset it, then set it up again.</p>}
      </>
    );
  };

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Two-step sign-in</h2>
      {notice && (
        <Alert tone="success" isFocusedOnShow>
          {notice}
        </Alert>
      )}
      {body()}
    </section>
  );
}
