import { callWindows, latestBookableAt } from '@harbour/shared/callback-rules';
import {
  callbackRequestSchema,
  CONSENT_TO_CONTACT_TEXT,
  CONSENT_TO_HEALTH_DATA_TEXT,
  forWhomOptions,
  type CallbackRequestInput,
} from '@harbour/shared/callbacks';
import { HELPLINE_PHONE } from '@harbour/shared/helpline';
import { fromLondonInput, toLondonInput } from '@harbour/shared/london-time';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { CheckboxField } from '../../components/ui/checkbox-field';
import { FormChoiceGroup } from '../../components/ui/form-choice-group';
import { CrisisPanel } from '../../components/crisis-panel';
import { DangerQuestion } from '../../components/danger-question';
import { SubstanceChoices } from '../../components/substance-choices';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { TextAreaField } from '../../components/ui/text-area-field';
import { TextField } from '../../components/ui/text-field';
import { useServerErrors, useZodForm } from '../../lib/form';
import { isOutage, useTRPC, type RouterOutputs } from '../../lib/trpc';
import { clearPendingRequest, keepPendingRequest, readPendingRequest } from './request-callback-pending';

export type RequestReceipt = RouterOutputs['callbacks']['request'] & { bestTimeKind: string };

const bestTimeOptions = [
  { value: 'asap', label: 'As soon as possible' },
  ...Object.entries(callWindows).map(([value, window]) => ({ value, label: window.label })),
  { value: 'at', label: 'At a time I choose' },
] as const;

const MESSAGE_LIMIT = 1000;

// While Harbour cannot be reached the request is sent again on its own, more slowly each time;
// the button sends it at once. The same idempotency key each time, so it is stored once.
// At most 10 s apart: someone waiting to hear their request arrived should not wait long once it can.
const RETRY_DELAYS_MS = [2_000, 4_000, 8_000, 10_000];
const retryDelayOf = (attempt: number) => (attempt === 0 ? 0 : RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length) - 1]!);

function emptyRequest(): CallbackRequestInput {
  return {
    fullName: '',
    phone: '',
    email: '',
    forWhom: undefined as never,
    bestTime: { kind: 'asap' },
    substances: [],
    message: '',
    immediateDanger: undefined as never,
    consentToContact: false as never,
    consentToHealthData: false,
    idempotencyKey: crypto.randomUUID(),
    website: '',
  };
}

/** What the person answered, without the key: to tell a resend from a changed request. */
function answersOf(values: { idempotencyKey: string }): string {
  const { idempotencyKey: _key, ...answers } = values;
  return JSON.stringify(answers);
}

export function RequestCallbackForm({ onSent }: { onSent: (receipt: RequestReceipt) => void }) {
  const trpc = useTRPC();
  // A request left waiting in this tab (the page was reloaded during an outage) comes back as typed.
  const [pending] = useState(readPendingRequest);
  const form = useZodForm(callbackRequestSchema, pending ?? emptyRequest());
  const { failure, onServerError, submitWith } = useServerErrors(form);
  const failureRef = useRef<HTMLDivElement>(null);
  // The same answers sent again (after a dropped connection) keep their idempotency key, so
  // the server stores them once; answers changed after a failure are a new request.
  const [failedAnswers, setFailedAnswers] = useState<string | null>(pending ? answersOf(pending) : null);
  // The request waiting for Harbour to be reachable, and how many times it has been tried.
  const [waiting, setWaiting] = useState<{ values: CallbackRequestInput; attempt: number } | null>(pending ? { values: pending, attempt: 0 } : null);
  const send = useMutation(
    trpc.callbacks.request.mutationOptions({
      onSuccess: (receipt, values) => {
        clearPendingRequest();
        setWaiting(null);
        onSent({ ...receipt, bestTimeKind: values.bestTime.kind });
      },
      onError: (error, values) => {
        setFailedAnswers(answersOf(values));
        if (isOutage(error)) {
          keepPendingRequest(values);
          setWaiting((current) => ({ values, attempt: current && current.values.idempotencyKey === values.idempotencyKey ? current.attempt + 1 : 1 }));
          return;
        }
        // Refused for a reason (a field, the rate limit): not sent again on its own.
        clearPendingRequest();
        setWaiting(null);
        onServerError(error);
      },
    }),
  );
  const sendAnswers = (values: Parameters<typeof send.mutate>[0]) => {
    const isChanged = failedAnswers !== null && failedAnswers !== answersOf(values);
    const key = isChanged ? crypto.randomUUID() : values.idempotencyKey;
    if (isChanged) form.setValue('idempotencyKey', key);
    send.mutate({ ...values, idempotencyKey: key });
  };

  const isSending = send.isPending;
  const { mutate } = send;
  useEffect(() => {
    if (!waiting || isSending) return;
    const sendAgain = () => mutate(waiting.values);
    const timer = setTimeout(sendAgain, retryDelayOf(waiting.attempt));
    // The device says its connection is back: no need to wait for the timer.
    window.addEventListener('online', sendAgain);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('online', sendAgain);
    };
  }, [waiting, isSending, mutate]);

  const isWaiting = waiting !== null;
  const failureText = isWaiting ? null : failure;

  useEffect(() => {
    if (failureText) failureRef.current?.focus();
  }, [failureText]);
  const waitingRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (isWaiting) waitingRef.current?.focus();
  }, [isWaiting]);

  const { errors } = form.formState;
  const bestTimeKind = form.watch('bestTime.kind');
  const isInDanger = form.watch('immediateDanger') === true;
  const messageLength = form.watch('message')?.length ?? 0;
  const now = new Date();
  const bestTimeErrors = errors.bestTime as { message?: string; kind?: { message?: string }; at?: { message?: string } } | undefined;

  return (
    <form noValidate onSubmit={submitWith(sendAnswers)} className="public-form">
      {failureText && (
        <Alert tone="error" ref={failureRef}>
          {failureText}
        </Alert>
      )}
      {isWaiting && (
        <Alert tone="error" ref={waitingRef} title="Your request has not been sent yet">
          <p>
            Harbour can't be reached just now. Your request is saved on this device and will be sent as soon as Harbour is
            reachable: keep this page open. We will tell you here when it has arrived.
          </p>
          <p>
            To speak to someone now, call us free on <a href={`tel:${HELPLINE_PHONE.replace(/\s/g, '')}`}>{HELPLINE_PHONE}</a>. If
            a life is in danger, call 999.
          </p>
          <p aria-live="polite">{isSending ? 'Sending your request…' : 'We will try again in a few seconds.'}</p>
        </Alert>
      )}

      <DangerQuestion control={form.control} name="immediateDanger" />
      {isInDanger && <CrisisPanel audience="public" />}

      <TextField label="Your full name" autoComplete="name" error={errors.fullName?.message} {...form.register('fullName')} />
      <TextField
        label="Phone number"
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        hint="A UK mobile or landline. We will call from a withheld number."
        error={errors.phone?.message}
        {...form.register('phone')}
      />
      <TextField
        label="Email (optional)"
        type="email"
        autoComplete="email"
        spellCheck={false}
        error={errors.email?.message}
        {...form.register('email')}
      />

      <FormChoiceGroup control={form.control} name="forWhom" legend="Who needs help?" type="radio" options={forWhomOptions} />

      <FormChoiceGroup
        control={form.control}
        name="bestTime.kind"
        legend="When is best for us to call?"
        hint="UK time. If someone is in danger we will call as soon as we can."
        type="radio"
        options={bestTimeOptions}
        error={bestTimeErrors?.kind?.message ?? bestTimeErrors?.message}
      >
        {bestTimeKind === 'at' && (
          <TextField
            label="Date and time"
            type="datetime-local"
            className="choice-group__follow-up"
            min={toLondonInput(now)}
            max={toLondonInput(latestBookableAt(now))}
            hint="Within the next 7 days."
            error={bestTimeErrors?.at?.message}
            {...form.register('bestTime.at', { setValueAs: (value: string) => (value ? fromLondonInput(value) : undefined) })}
          />
        )}
      </FormChoiceGroup>

      <SubstanceChoices
        control={form.control}
        name="substances"
        legend="What is the concern about? (optional)"
        hint="Choose any that apply. We keep this only if you agree below to us recording health information."
      />

      <TextAreaField
        label="Anything you would like us to know (optional)"
        hint={`At most ${MESSAGE_LIMIT.toLocaleString('en-GB')} characters.`}
        maxLength={MESSAGE_LIMIT + 200}
        error={errors.message?.message}
        {...form.register('message')}
      />
      <p className="field__counter" aria-live="polite">
        {messageLength > MESSAGE_LIMIT
          ? `${(messageLength - MESSAGE_LIMIT).toLocaleString('en-GB')} characters over the limit`
          : messageLength > MESSAGE_LIMIT - 100
            ? `${MESSAGE_LIMIT - messageLength} characters left`
            : ''}
      </p>

      <CheckboxField label={CONSENT_TO_CONTACT_TEXT} error={errors.consentToContact?.message} {...form.register('consentToContact')} />
      <CheckboxField label={CONSENT_TO_HEALTH_DATA_TEXT} {...form.register('consentToHealthData')} />

      {/* People never see this field; form-filling robots do. */}
      <div className="visually-hidden" aria-hidden="true">
        <label htmlFor="website">Leave this empty</label>
        <input id="website" type="text" tabIndex={-1} autoComplete="off" {...form.register('website')} />
      </div>

      <Button type="submit" isBusy={send.isPending}>
        {send.isPending ? 'Sending…' : isWaiting ? 'Try sending now' : 'Request a callback'}
      </Button>
    </form>
  );
}
