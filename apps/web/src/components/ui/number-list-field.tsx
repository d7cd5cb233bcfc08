import { useState, type Ref } from 'react';
import { Controller, type Control, type FieldError, type FieldPath, type FieldValues } from 'react-hook-form';
import { TextField } from './text-field';

/** "28, 42 56" as [28, 42, 56]; anything not a whole number stays NaN, which the schema names. */
export function numbersFromText(typed: string): number[] {
  return typed
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));
}

const textOf = (numbers: unknown) => (Array.isArray(numbers) ? numbers.join(', ') : '');

// Object.is: a half-typed NaN must equal itself, or the text would be rewritten under the cursor.
const isSameList = (a: number[], b: unknown) => Array.isArray(b) && a.length === b.length && a.every((value, index) => Object.is(value, b[index]));

/** The list's own message, or the first of its items' ("… must be a number of days"). */
function messageOf(error: FieldError | undefined): string | undefined {
  if (!error) return undefined;
  if (error.message) return error.message;
  const items = error as unknown as { root?: FieldError } & Array<FieldError | undefined>;
  return items.root?.message ?? (Array.isArray(items) ? items.find((item) => item?.message)?.message : undefined);
}

/** Whole numbers typed as a list ("28, 42, 56") and kept by the form as an array of numbers. */
export function NumberListField<Values extends FieldValues>({
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
        <ListInput ref={field.ref} label={label} hint={hint} error={messageOf(fieldState.error)} numbers={field.value} onNumbers={field.onChange} onBlur={field.onBlur} />
      )}
    />
  );
}

function ListInput({
  ref,
  label,
  hint,
  error,
  numbers,
  onNumbers,
  onBlur,
}: {
  ref: Ref<HTMLInputElement>;
  label: string;
  hint?: string;
  error?: string;
  numbers: unknown;
  onNumbers: (numbers: number[]) => void;
  onBlur: () => void;
}) {
  // The text as typed ("28, 4" on the way to "28, 42"); a reset from outside shows the new list.
  const [text, setText] = useState(() => textOf(numbers));
  const [lastNumbers, setLastNumbers] = useState(numbers);
  if (numbers !== lastNumbers) {
    setLastNumbers(numbers);
    if (!isSameList(numbersFromText(text), numbers)) setText(textOf(numbers));
  }
  return (
    <TextField
      ref={ref}
      label={label}
      hint={hint}
      error={error}
      autoComplete="off"
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onNumbers(numbersFromText(event.target.value));
      }}
      onBlur={onBlur}
    />
  );
}
