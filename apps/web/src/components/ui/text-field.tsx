import type { InputHTMLAttributes, Ref } from 'react';
import { FieldFrame, type FieldProps } from './field';

type TextFieldProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> & { ref?: Ref<HTMLInputElement> };

export function TextField({ label, hint, error, id, isLabelHidden, className, ref, ...input }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} id={id} isLabelHidden={isLabelHidden} className={className}>
      {(control) => <input ref={ref} className="field__input" {...control} {...input} />}
    </FieldFrame>
  );
}
