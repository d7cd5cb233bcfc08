import { useState, type HTMLAttributes, type Ref } from 'react';
import { Controller, type Control, type FieldError, type FieldPath, type FieldValues } from 'react-hook-form';
import { TextField } from './text-field';

/** How a field's typed text becomes the form's value, and back. */
export interface TextParsing<Value> {
  parse: (typed: string) => Value;
  /** The text that shows a value set from outside (the saved value, a reload after a conflict). */
  format: (value: unknown) => string;
  /** Whether the typed text already means this value, so it is left as typed. */
  isSame: (parsed: Value, value: unknown) => boolean;
}

interface ParsedTextFieldProps<Values extends FieldValues, Value> {
  control: Control<Values, unknown, FieldValues>;
  name: FieldPath<Values>;
  label: string;
  hint?: string;
  parsing: TextParsing<Value>;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  className?: string;
  /** The message to show for the field's error; a list's items may carry their own. */
  messageOf?: (error: FieldError | undefined) => string | undefined;
}

/**
 * A value typed as text (pounds, a list of days) that the form keeps parsed (pence, numbers).
 * The text stays as typed, so the field never rewrites under the cursor.
 */
export function ParsedTextField<Values extends FieldValues, Value>({ control, name, messageOf, ...input }: ParsedTextFieldProps<Values, Value>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        // field.ref lets the form move focus here: to the first field in error on submit, or by setFocus.
        <ParsedInput
          {...input}
          ref={field.ref}
          error={messageOf ? messageOf(fieldState.error) : fieldState.error?.message}
          value={field.value}
          onValue={field.onChange}
          onBlur={field.onBlur}
        />
      )}
    />
  );
}

// `ref` is taken apart from the other props: the hooks lint counts any object holding a ref as one.
function ParsedInput<Value>({
  ref,
  parsing,
  value,
  onValue,
  ...props
}: Omit<ParsedTextFieldProps<FieldValues, Value>, 'control' | 'name' | 'messageOf'> & {
  ref: Ref<HTMLInputElement>;
  error?: string;
  value: unknown;
  onValue: (value: Value) => void;
  onBlur: () => void;
}) {
  const [text, setText] = useState(() => parsing.format(value));
  // A reset from outside shows the new value. Object.is: a half-typed NaN equals itself.
  const [lastValue, setLastValue] = useState(value);
  if (!Object.is(value, lastValue)) {
    setLastValue(value);
    if (!parsing.isSame(parsing.parse(text), value)) setText(parsing.format(value));
  }
  return (
    <TextField
      {...props}
      ref={ref}
      autoComplete="off"
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onValue(parsing.parse(event.target.value));
      }}
    />
  );
}
