import type { Ref, SelectHTMLAttributes } from 'react';
import { FieldFrame, type FieldProps } from './field';

type SelectFieldProps = FieldProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'> & {
    options: ReadonlyArray<{ value: string; label: string; disabled?: boolean }>;
    placeholder?: string;
    ref?: Ref<HTMLSelectElement>;
  };

export function SelectField({ label, hint, error, id, isLabelHidden, className, options, placeholder, ref, ...select }: SelectFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} id={id} isLabelHidden={isLabelHidden} className={className}>
      {(control) => (
        <select ref={ref} className={isLabelHidden ? 'field__input field__input--compact' : 'field__input'} {...control} {...select}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
