import { callerForWhomOptions, forWhomLabels } from '@harbour/shared/callbacks';
import { ageOn, updateContactSchema } from '@harbour/shared/case-record';
import { formatDateTime } from '@harbour/shared/format';
import { formatUkPhone } from '@harbour/shared/phone';
import { regionLabel, regions } from '@harbour/shared/regions';
import { toUkDate } from '@harbour/shared/uk-date';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { FormChoiceGroup } from '../../components/ui/form-choice-group';
import { FormActions } from '../../components/ui/form-panel';
import { SelectField } from '../../components/ui/select-field';
import { TextField } from '../../components/ui/text-field';
import { useServerErrors, useZodForm } from '../../lib/form';
import { sendOnSaveShortcut } from '../../lib/save-shortcut';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { ConsentList } from './consent-list';
import { SectionConflict, type UnsavedLine } from '../../components/ui/section-conflict';
import { useConflictReload } from '../../components/ui/use-conflict-reload';

type CaseRecord = RouterOutputs['cases']['byReference'];
type ContactValues = z.input<typeof updateContactSchema>;

const yesNo = [
  { value: true, label: 'Yes' },
  { value: false, label: 'No' },
];
const yesNoText = (value: boolean | null | undefined) => (value === true ? 'Yes' : value === false ? 'No' : 'Not asked yet');

function contactValuesOf(record: CaseRecord): ContactValues {
  return {
    id: record.id,
    version: record.contactVersion,
    contact: {
      clientName: record.clientName ?? '',
      dateOfBirth: record.dateOfBirth ? toUkDate(record.dateOfBirth) : '',
      callerName: record.callerName,
      callerRelation: record.callerRelation,
      relationDetail: record.relationDetail ?? '',
      phone: formatUkPhone(record.phone),
      email: record.email ?? '',
      postcode: record.postcode ?? '',
      region: record.region ?? undefined,
      preferredContactTimes: record.preferredContactTimes ?? '',
      safeToLeaveVoicemail: record.safeToLeaveVoicemail ?? undefined,
      safeToSayWhoWeAre: record.safeToSayWhoWeAre ?? undefined,
    },
  };
}

function describeContact({ contact }: ContactValues): UnsavedLine[] {
  return [
    { label: 'Client name', value: contact.clientName || 'Not given' },
    { label: 'Date of birth', value: typeof contact.dateOfBirth === 'string' && contact.dateOfBirth ? contact.dateOfBirth : 'Not given' },
    { label: 'Caller name', value: contact.callerName ?? '' },
    { label: 'Who the call is about', value: contact.callerRelation ? forWhomLabels[contact.callerRelation] : 'Not given' },
    { label: 'Relation to the client', value: contact.relationDetail || 'Not given' },
    { label: 'Phone', value: contact.phone ?? '' },
    { label: 'Email', value: contact.email || 'Not given' },
    { label: 'Postcode', value: contact.postcode || 'Not given' },
    { label: 'Region', value: contact.region ? regionLabel(contact.region) : 'Not given' },
    { label: 'Preferred contact times', value: contact.preferredContactTimes || 'Not given' },
    { label: 'Safe to leave a voicemail?', value: yesNoText(contact.safeToLeaveVoicemail) },
    { label: 'Safe to say who we are?', value: yesNoText(contact.safeToSayWhoWeAre) },
  ];
}

export function ContactSection({ record, onReload }: { record: CaseRecord; onReload: () => Promise<CaseRecord | undefined> }) {
  const [isEditing, setIsEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <section className="panel case-section" id="contact" aria-labelledby="contact-heading">
      <div className="section-heading">
        <h2 id="contact-heading">Contact and consent</h2>
        {!isEditing && record.canChange && (
          <Button variant="secondary" onClick={() => setIsEditing(true)}>
            Edit contact details
          </Button>
        )}
      </div>
      {saved && !isEditing && (
        <Alert tone="success" isFocusedOnShow>
          {saved}
        </Alert>
      )}
      {isEditing ? (
        <ContactForm
          record={record}
          onReload={onReload}
          onDone={(message) => {
            setSaved(message);
            setIsEditing(false);
          }}
        />
      ) : (
        <ContactDetails record={record} />
      )}
      <ConsentList record={record} />
    </section>
  );
}

function ContactDetails({ record }: { record: CaseRecord }) {
  const isAboutSomeoneElse = record.callerRelation !== 'self';
  return (
    <dl className="details">
      <dt>Client</dt>
      <dd>
        {record.clientName ?? 'Not yet named'}
        {record.dateOfBirth && `, born ${toUkDate(record.dateOfBirth)} (${ageOn(record.dateOfBirth)})`}
      </dd>
      {isAboutSomeoneElse && (
        <>
          <dt>Caller</dt>
          <dd>
            {record.callerName} ({record.relationDetail ?? forWhomLabels[record.callerRelation].toLowerCase()})
          </dd>
        </>
      )}
      <dt>Phone</dt>
      <dd>
        <a href={`tel:${record.phone}`}>{formatUkPhone(record.phone)}</a>
        {isAboutSomeoneElse && <span className="muted"> (the caller's)</span>}
      </dd>
      <dt>Email</dt>
      <dd>{record.email ?? 'Not given'}</dd>
      <dt>Where</dt>
      <dd>{[record.postcode, record.region && regionLabel(record.region)].filter(Boolean).join(', ') || 'Not given'}</dd>
      <dt>Best times</dt>
      <dd>{record.preferredContactTimes ?? 'Not given'}</dd>
      <dt>Voicemail</dt>
      <dd className={record.safeToLeaveVoicemail === false ? 'text-danger' : undefined}>
        {record.safeToLeaveVoicemail === false ? 'Not safe: do not leave a message' : `Safe to leave: ${yesNoText(record.safeToLeaveVoicemail)}`}
      </dd>
      <dt>Saying who we are</dt>
      <dd className={record.safeToSayWhoWeAre === false ? 'text-danger' : undefined}>
        {record.safeToSayWhoWeAre === false ? 'Not safe: do not say we are a treatment service' : `Safe: ${yesNoText(record.safeToSayWhoWeAre)}`}
      </dd>
      <dt>Opened</dt>
      <dd>
        {formatDateTime(record.openedAt)} from {record.origin === 'callback' ? 'a callback request' : 'an inbound call'}
      </dd>
    </dl>
  );
}

function ContactForm({
  record,
  onReload,
  onDone,
}: {
  record: CaseRecord;
  onReload: () => Promise<CaseRecord | undefined>;
  onDone: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(updateContactSchema, contactValuesOf(record));
  const { failure, onServerError, submitWith } = useServerErrors(form);
  const conflict = useConflictReload(form as unknown as UseFormReturn<ContactValues, unknown, FieldValues>, describeContact, async () => {
    const fresh = await onReload();
    return fresh && contactValuesOf(fresh);
  });
  const save = useMutation(
    trpc.cases.updateContact.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
        onDone(`Contact details saved at ${formatDateTime(new Date()).slice(-5)}.`);
      },
      onError: (error) => {
        if (!conflict.caught(error)) onServerError(error);
      },
    }),
  );
  const errors = form.formState.errors.contact;
  const relation = form.watch('contact.callerRelation');

  return (
    <form noValidate aria-label="Edit contact details" onKeyDown={sendOnSaveShortcut} onSubmit={submitWith((values) => save.mutate(values))}>
      <fieldset className="fieldset">
        <legend>The client</legend>
        <div className="field-row">
          <TextField label="Client name" autoComplete="off" autoFocus error={errors?.clientName?.message} {...form.register('contact.clientName')} />
          <TextField
            label="Date of birth"
            hint="For example 17/05/1990"
            inputMode="numeric"
            autoComplete="off"
            error={errors?.dateOfBirth?.message}
            {...form.register('contact.dateOfBirth')}
          />
        </div>
        <div className="field-row">
          <TextField label="Postcode" autoComplete="off" error={errors?.postcode?.message} {...form.register('contact.postcode')} />
          <SelectField label="Region" placeholder="Not known yet" options={regions} error={errors?.region?.message} {...form.register('contact.region', { setValueAs: (value: string) => value || undefined })} />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>Who we speak to</legend>
        <div className="field-row">
          <TextField label="Caller name" autoComplete="off" error={errors?.callerName?.message} {...form.register('contact.callerName')} />
          <SelectField label="Who the call is about" options={callerForWhomOptions} error={errors?.callerRelation?.message} {...form.register('contact.callerRelation')} />
        </div>
        {relation !== 'self' && (
          <TextField
            label="Caller's relation to the client"
            hint="For example mother, partner, GP"
            error={errors?.relationDetail?.message}
            {...form.register('contact.relationDetail')}
          />
        )}
        <div className="field-row">
          <TextField label="Phone" type="tel" autoComplete="off" error={errors?.phone?.message} {...form.register('contact.phone')} />
          <TextField label="Email (optional)" type="email" autoComplete="off" error={errors?.email?.message} {...form.register('contact.email')} />
        </div>
        <TextField
          label="Preferred contact times (optional)"
          hint="For example weekday evenings after 6pm"
          error={errors?.preferredContactTimes?.message}
          {...form.register('contact.preferredContactTimes')}
        />
        <FormChoiceGroup
          control={form.control}
          name="contact.safeToLeaveVoicemail"
          legend="Is it safe to leave a voicemail?"
          hint="Ask: people often keep treatment from those they live with."
          type="radio"
          isInline
          options={yesNo}
        />
        <FormChoiceGroup control={form.control} name="contact.safeToSayWhoWeAre" legend="Is it safe to say who we are if someone else answers?" type="radio" isInline options={yesNo} />
      </fieldset>
      {/* Beside the button that was pressed, where the adviser is looking. */}
      {failure && <Alert tone="error">{failure}</Alert>}
      <SectionConflict message={conflict.message} unsaved={conflict.unsaved} isReloading={conflict.isReloading} onReload={() => void conflict.reloadTheirs()} />
      <FormActions submitLabel="Save contact details" busyLabel="Saving…" isBusy={save.isPending} onCancel={() => onDone('')} />
    </form>
  );
}
