import type { Control, FieldError, FieldPath, FieldValues } from 'react-hook-form';
import { ParsedTextField, type TextParsing } from './parsed-text-field';

/** "28, 42 56" as [28, 42, 56]; anything not a whole number stays NaN, which the schema names. */
export function numbersFromText(typed: string): number[] {
  return typed
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));
}

const numberList: TextParsing<number[]> = {
  parse: numbersFromText,
  format: (numbers) => (Array.isArray(numbers) ? numbers.join(', ') : ''),
  // Object.is: a half-typed NaN must equal itself, or the text would be rewritten under the cursor.
  isSame: (parsed, numbers) => Array.isArray(numbers) && parsed.length === numbers.length && parsed.every((value, index) => Object.is(value, numbers[index])),
};

/** The list's own message, or the first of its items' ("… must be a number of days"). */
function messageOf(error: FieldError | undefined): string | undefined {
  if (!error) return undefined;
  if (error.message) return error.message;
  const items = error as unknown as { root?: FieldError } & Array<FieldError | undefined>;
  return items.root?.message ?? (Array.isArray(items) ? items.find((item) => item?.message)?.message : undefined);
}

/** Whole numbers typed as a list ("28, 42, 56") and kept by the form as an array of numbers. */
export function NumberListField<Values extends FieldValues>(props: { control: Control<Values, unknown, FieldValues>; name: FieldPath<Values>; label: string; hint?: string }) {
  return <ParsedTextField {...props} parsing={numberList} messageOf={messageOf} />;
}
