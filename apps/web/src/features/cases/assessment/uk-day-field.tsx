import { fromUkDate, toUkDate } from '@harbour/shared/uk-date';
import { Controller, type FieldPath } from 'react-hook-form';
import { TextField } from '../../../components/ui/text-field';
import type { AssessmentValues } from './assessment-values';
import type { AssessmentControl } from './use-live-assessment';

const isIsoDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

// Kept as typed until it is a whole day, so the adviser's keystrokes are never rewritten mid-way.
function dayOf(typed: string): string | undefined {
  if (!typed.trim()) return undefined;
  const day = fromUkDate(typed);
  return isIsoDay(day) ? day : typed;
}

/**
 * A calendar day typed the UK way (27/11/2026) and kept by the form as "2026-11-27". Not
 * <input type="date">, which shows the machine's locale order: often mm/dd/yyyy.
 */
export function UkDayField({ control, name, label }: { control: AssessmentControl; name: FieldPath<AssessmentValues>; label: string }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextField
          ref={field.ref}
          label={label}
          hint="For example, 27/11/2026"
          inputMode="numeric"
          autoComplete="off"
          error={fieldState.error?.message}
          name={field.name}
          value={isIsoDay(field.value) ? toUkDate(field.value) : typeof field.value === 'string' ? field.value : ''}
          onChange={(event) => field.onChange(dayOf(event.target.value))}
          onBlur={field.onBlur}
        />
      )}
    />
  );
}
