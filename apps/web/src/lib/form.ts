import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldsSchema } from '@harbour/shared/sign-in';
import { useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { isHarbourError, messageOf } from './trpc';

// Errors appear when the form is sent, then clear as each field is put right. Checking on
// blur would push the page about under the pointer while someone is still filling it in.
const whenToCheck = { mode: 'onSubmit', reValidateMode: 'onChange' } as const;

/** A form that checks with the same shared schema, and messages, as the server. */
export function useZodForm<Schema extends z.ZodType<FieldValues, FieldValues>>(
  schema: Schema,
  defaultValues: z.input<Schema>,
): UseFormReturn<z.input<Schema>, unknown, z.output<Schema>> {
  return useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(schema),
    defaultValues: defaultValues as never,
    ...whenToCheck,
  });
}

/**
 * useZodForm for sign-in's hand-written shared schemas (packages/shared/src/sign-in.ts), which
 * keep zod off the sign-in page; the server checks its input with the same schema.
 */
export function useCheckedForm<Values extends FieldValues>(schema: FieldsSchema<Values>, defaultValues: Values): UseFormReturn<Values> {
  return useForm<Values>({ resolver: standardSchemaResolver(schema), defaultValues: defaultValues as DefaultValues<Values>, ...whenToCheck });
}

/**
 * Puts the server's field errors on the fields they name. Returns the message to show above
 * the form when the error is not about one of this form's fields.
 */
export function applyServerError<Values extends FieldValues>(
  form: UseFormReturn<Values, unknown, FieldValues>,
  error: unknown,
): string | null {
  const fieldErrors = isHarbourError(error) ? (error.data?.fieldErrors ?? null) : null;
  const fields = Object.keys(form.getValues());
  let isPlaced = false;
  for (const [field, message] of Object.entries(fieldErrors ?? {})) {
    // Nested fields arrive as dotted paths ("contact.postcode", "substances.0.route").
    if (!fields.includes(field.split('.')[0]!)) continue;
    form.setError(field as Path<Values>, { type: 'server', message }, { shouldFocus: !isPlaced });
    isPlaced = true;
  }
  return isPlaced ? null : messageOf(error);
}

/**
 * The server's answer to a form: field errors go on their fields, anything else becomes the
 * `failure` to show above the form. `submitWith` clears the last failure on each attempt.
 */
export function useServerErrors<Input extends FieldValues, Output extends FieldValues>(
  form: UseFormReturn<Input, unknown, Output>,
) {
  const [failure, setFailure] = useState<string | null>(null);
  return {
    failure,
    onServerError: (error: unknown) => setFailure(applyServerError(form as UseFormReturn<Input, unknown, FieldValues>, error)),
    submitWith: (send: (values: Output) => void) =>
      form.handleSubmit((values) => {
        setFailure(null);
        send(values);
      }),
  };
}
