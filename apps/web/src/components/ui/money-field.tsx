import { useState, type Ref } from 'react';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { TextField } from './text-field';

/** "£1,250.50" or "1250.5" as whole pence; empty is null; anything else NaN, which the schema refuses. */
export function penceFromPounds(typed: string): number | null {
  const cleaned = typed.replace(/[£,\s]/g, '');
  if (cleaned === '') return null;
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return Number.NaN;
  return Math.round(Number(cleaned) * 100);
}

const poundsOf = (pence: unknown) => (typeof pence === 'number' && Number.isFinite(pence) ? (pence / 100).toFixed(pence % 100 === 0 ? 0 : 2) : '');

/** An amount typed in pounds and kept by the form in pence, as Harbour stores money. */
export function MoneyField<Values extends FieldValues>({
  control,
  name,
  label,
  hint,
}: {
  control: Control<Values, unknown, FieldValues>;
  name: FieldPath<Values>;
  label: string;
  hint?: string;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        // field.ref lets the form move focus here: to the first field in error on submit, or by setFocus.
        <PoundsInput
          ref={field.ref}
          label={label}
          hint={hint}
          error={fieldState.error?.message}
          pence={field.value}
          onPence={field.onChange}
          onBlur={field.onBlur}
        />
      )}
    />
  );
}

// `ref` is taken apart from the other props: the hooks lint counts any object holding a ref as one.
function PoundsInput({
  ref,
  ...props
}: {
  ref: Ref<HTMLInputElement>;
  label: string;
  hint?: string;
  error?: string;
  pence: unknown;
  onPence: (pence: number | null) => void;
  onBlur: () => void;
}) {
  // The text as typed ("1,2" on the way to "1,250"), so the field never rewrites under the cursor.
  const [text, setText] = useState(() => poundsOf(props.pence));
  // A reset from outside (a reload after a conflict) shows the new amount.
  const [lastPence, setLastPence] = useState(props.pence);
  // Object.is: NaN (a half-typed amount) must equal itself, or this would never settle.
  if (!Object.is(props.pence, lastPence)) {
    setLastPence(props.pence);
    if (!Object.is(penceFromPounds(text), props.pence ?? null)) setText(poundsOf(props.pence));
  }
  return (
    <TextField
      ref={ref}
      label={props.label}
      hint={props.hint}
      error={props.error}
      inputMode="decimal"
      autoComplete="off"
      value={text}
      className="field--money"
      onChange={(event) => {
        setText(event.target.value);
        props.onPence(penceFromPounds(event.target.value));
      }}
      onBlur={props.onBlur}
    />
  );
}
