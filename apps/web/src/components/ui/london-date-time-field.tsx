import { fromLondonInput, toLondonInput } from '@harbour/shared/london-time';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { TextField } from './text-field';

/** A date and time picked in UK time and kept by the form as an instant (a Date). */
export function LondonDateTimeField<Values extends FieldValues>({
  control,
  name,
  label,
  hint = 'UK time',
  min,
}: {
  control: Control<Values, unknown, FieldValues>;
  name: FieldPath<Values>;
  label: string;
  hint?: string;
  min?: Date;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextField
          ref={field.ref}
          label={label}
          hint={hint}
          type="datetime-local"
          min={min ? toLondonInput(min) : undefined}
          error={fieldState.error?.message}
          name={field.name}
          value={(field.value as unknown) instanceof Date ? toLondonInput(field.value as Date) : ''}
          onChange={(event) => field.onChange(event.target.value ? fromLondonInput(event.target.value) : undefined)}
          onBlur={field.onBlur}
        />
      )}
    />
  );
}
