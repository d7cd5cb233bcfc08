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
import { errorCodeOf, useTRPC, type RouterOutputs } from '../../lib/trpc';

export type RequestReceipt = RouterOutputs['callbacks']['request'] & { bestTimeKind: string };

const bestTimeOptions = [
  { value: 'asap', label: 'As soon as possible' },
  ...Object.entries(callWindows).map(([value, window]) => ({ value, label: window.label })),
  { value: 'at', label: 'At a time I choose' },
] as const;

const MESSAGE_LIMIT = 1000;

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
  const form = useZodForm(callbackRequestSchema, emptyRequest());
  const { failure, onServerError, submitWith } = useServerErrors(form);
  const failureRef = useRef<HTMLDivElement>(null);
  // The same answers sent again (after a dropped connection) keep their idempotency key, so
  // the server stores them once; answers changed after a failure are a new request.
  const [failedAnswers, setFailedAnswers] = useState<string | null>(null);
  const send = useMutation(
    trpc.callbacks.request.mutationOptions({
      onSuccess: (receipt, values) => onSent({ ...receipt, bestTimeKind: values.bestTime.kind }),
      onError: (error, values) => {
        setFailedAnswers(answersOf(values));
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

  // A dropped connection: say so plainly, and give the person another way to reach us.
  const isUnreachable = send.isError && errorCodeOf(send.error) === undefined;
  const failureText = isUnreachable
    ? `We couldn't send your request: the connection failed. Your answers are still here. Press "Request a callback" to try again, or call us free on ${HELPLINE_PHONE}.`
    : failure;

  useEffect(() => {
    if (failureText) failureRef.current?.focus();
  }, [failureText]);

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
        {send.isPending ? 'Sending…' : 'Request a callback'}
      </Button>
    </form>
  );
}
