import type { ComponentProps } from 'react';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { ChoiceGroup } from './choice-group';

type ChoiceGroupProps<Value extends string | boolean> = ComponentProps<typeof ChoiceGroup<Value>>;

type FormChoiceGroupProps<Values extends FieldValues, Value extends string | boolean> = Omit<
  ChoiceGroupProps<Value>,
  'name' | 'value' | 'onChange' | 'onBlur' | 'error'
> & {
  control: Control<Values, unknown, FieldValues>;
  name: FieldPath<Values>;
  /** An error the form keeps under another key (a union's member, say). */
  error?: string;
};

/** A ChoiceGroup bound to one field of a react-hook-form form, showing that field's error. */
export function FormChoiceGroup<Values extends FieldValues, Value extends string | boolean>({
  control,
  name,
  error,
  ...choices
}: FormChoiceGroupProps<Values, Value>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <ChoiceGroup<Value>
          {...(choices as Omit<ChoiceGroupProps<Value>, 'name' | 'value' | 'onChange'>)}
          name={field.name}
          value={field.value as Value | Value[] | undefined}
          onChange={(value) => field.onChange(value)}
          onBlur={field.onBlur}
          firstInputRef={field.ref}
          error={error ?? fieldState.error?.message}
        />
      )}
    />
  );
}
