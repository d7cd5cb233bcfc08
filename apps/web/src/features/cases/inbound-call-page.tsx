import {
  CONSENT_TO_CONTACT_TEXT,
  CONSENT_TO_HEALTH_DATA_TEXT,
  callerForWhomOptions,
} from '@harbour/shared/callbacks';
import { inboundCallSchema } from '@harbour/shared/cases';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router';
import { CrisisPanel } from '../../components/crisis-panel';
import { DangerQuestion } from '../../components/danger-question';
import { SubstanceChoices } from '../../components/substance-choices';
import { CheckboxField } from '../../components/ui/checkbox-field';
import { FormChoiceGroup } from '../../components/ui/form-choice-group';
import { FormActions, FormPanel } from '../../components/ui/form-panel';
import { TextAreaField } from '../../components/ui/text-area-field';
import { TextField } from '../../components/ui/text-field';
import { useServerErrors, useZodForm } from '../../lib/form';
import { useTRPC } from '../../lib/trpc';
import { useDebounced } from '../../lib/use-debounced';
import { PreviousContacts } from './previous-contacts';

export function InboundCallPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const form = useZodForm(inboundCallSchema, {
    callerName: '',
    phone: '',
    email: '',
    forWhom: 'self',
    clientName: '',
    substances: [],
    // Not pre-answered: an adviser in a hurry must still ask.
    immediateDanger: undefined as never,
    consentToContact: false as never,
    consentToHealthData: false,
    notes: '',
  });
  const { failure, onServerError, submitWith } = useServerErrors(form);
  const open = useMutation(
    trpc.cases.openFromInboundCall.mutationOptions({
      onSuccess: ({ reference }) => navigate(`/cases/${reference}`),
      onError: onServerError,
    }),
  );

  useEffect(() => {
    document.title = 'Log an inbound call – Harbour';
  }, []);

  // One string, so the look-up waits for a pause in typing in either field.
  const [phone = '', email = ''] = useDebounced(`${form.watch('phone') ?? ''}\n${form.watch('email') ?? ''}`).split('\n');
  const hasContact = Boolean(phone?.trim() || email?.trim());
  const previous = useQuery({ ...trpc.cases.previousContacts.queryOptions({ phone, email }), enabled: hasContact });
  const waiting = useQuery({ ...trpc.callbacks.waitingForContact.queryOptions({ phone, email }), enabled: hasContact });
  const { errors } = form.formState;
  const forWhom = form.watch('forWhom');

  return (
    <>
      <p className="breadcrumb">
        <Link to="/queue">Callback queue</Link>
      </p>
      <div className="page-header">
        <h1>Log an inbound call</h1>
      </div>
      {form.watch('immediateDanger') && <CrisisPanel audience="staff" />}
      <div className="two-columns">
        <FormPanel
          title="Who is calling"
          notice={failure ? { tone: 'error', message: failure } : null}
          onSubmit={submitWith((values) => open.mutate({ ...values, existingCaseId: undefined }))}
        >
          <DangerQuestion control={form.control} name="immediateDanger" />
          <TextField label="Caller's name" autoFocus autoComplete="off" error={errors.callerName?.message} {...form.register('callerName')} />
          <TextField label="Phone number" type="tel" autoComplete="off" error={errors.phone?.message} {...form.register('phone')} />
          <TextField label="Email (optional)" type="email" autoComplete="off" spellCheck={false} error={errors.email?.message} {...form.register('email')} />
          <FormChoiceGroup control={form.control} name="forWhom" legend="Who is the call about?" type="radio" options={callerForWhomOptions} />
          {forWhom !== 'self' && (
            <TextField label="Name of the person who needs help (if given)" autoComplete="off" error={errors.clientName?.message} {...form.register('clientName')} />
          )}
          <SubstanceChoices control={form.control} name="substances" legend="Concern (optional)" />
          <TextAreaField label="Notes (optional)" error={errors.notes?.message} {...form.register('notes')} />
          <p className="field__hint">Read these to the caller and tick what they agree to.</p>
          <CheckboxField label={CONSENT_TO_CONTACT_TEXT} error={errors.consentToContact?.message} {...form.register('consentToContact')} />
          <CheckboxField label={CONSENT_TO_HEALTH_DATA_TEXT} {...form.register('consentToHealthData')} />
          <FormActions submitLabel="Open a new enquiry" busyLabel="Opening…" isBusy={open.isPending} />
        </FormPanel>
        <section className="panel" aria-live="polite" aria-labelledby="duplicate-heading">
          <h2 id="duplicate-heading">Have we spoken before?</h2>
          {waiting.data && waiting.data.length > 0 && (
            <div className="waiting-requests">
              <h3>Waiting for our call</h3>
              <p>This caller asked us to call them back. Open the request and log this call as answered, so nobody calls them again.</p>
              <ul>
                {waiting.data.map((request) => (
                  <li key={request.id}>
                    <Link to={`/callbacks/${request.id}`}>{request.reference}</Link> {request.fullName}, {request.attemptCount}{' '}
                    {request.attemptCount === 1 ? 'call' : 'calls'} so far
                  </li>
                ))}
              </ul>
            </div>
          )}
          {!hasContact ? (
            <p className="muted">Enter a phone number or email to check for earlier cases.</p>
          ) : previous.isPending ? (
            <p className="muted">Checking…</p>
          ) : previous.isError ? (
            <p className="muted">Could not check for earlier cases just now.</p>
          ) : (
            <PreviousContacts
              contacts={previous.data}
              linkLabel="Continue this case"
              isBusy={open.isPending}
              onLink={(caseId) => void submitWith((values) => open.mutate({ ...values, existingCaseId: caseId }))()}
            />
          )}
        </section>
      </div>
    </>
  );
}
