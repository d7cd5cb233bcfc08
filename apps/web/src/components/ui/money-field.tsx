import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { ParsedTextField, type TextParsing } from './parsed-text-field';

/** "£1,250.50" or "1250.5" as whole pence; empty is null; anything else NaN, which the schema refuses. */
export function penceFromPounds(typed: string): number | null {
  const cleaned = typed.replace(/[£,\s]/g, '');
  if (cleaned === '') return null;
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return Number.NaN;
  return Math.round(Number(cleaned) * 100);
}

const pounds: TextParsing<number | null> = {
  parse: penceFromPounds,
  format: (pence) => (typeof pence === 'number' && Number.isFinite(pence) ? (pence / 100).toFixed(pence % 100 === 0 ? 0 : 2) : ''),
  isSame: (parsed, pence) => Object.is(parsed, pence ?? null),
};

/** An amount typed in pounds and kept by the form in pence, as Harbour stores money. */
export function MoneyField<Values extends FieldValues>(props: { control: Control<Values, unknown, FieldValues>; name: FieldPath<Values>; label: string; hint?: string }) {
  return <ParsedTextField {...props} parsing={pounds} inputMode="decimal" className="field--money" />;
}
