import type { Ref, TextareaHTMLAttributes } from 'react';
import { FieldFrame, type FieldProps } from './field';

type TextAreaFieldProps = FieldProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'> & { ref?: Ref<HTMLTextAreaElement> };

export function TextAreaField({ label, hint, error, id, isLabelHidden, className, ref, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} id={id} isLabelHidden={isLabelHidden} className={className}>
      {(control) => <textarea ref={ref} className="field__input field__input--multiline" rows={4} {...control} {...textarea} />}
    </FieldFrame>
  );
}
