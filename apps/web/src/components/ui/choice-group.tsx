import { useId, type ReactNode, type Ref } from 'react';
import { FieldMessages } from './field';

interface Option<Value> {
  value: Value;
  label: string;
  hint?: string;
}

interface ChoiceGroupProps<Value> {
  legend: string;
  hint?: string;
  error?: string;
  options: ReadonlyArray<Option<Value>>;
  /** Radio buttons hold one value; checkboxes hold a list. */
  type: 'radio' | 'checkbox';
  value: Value | Value[] | undefined;
  onChange: (value: Value | Value[]) => void;
  onBlur?: () => void;
  name: string;
  isInline?: boolean;
  columns?: number;
  children?: ReactNode;
  /** Receives the first option, so a form can move focus to the question when it is wrong. */
  firstInputRef?: Ref<HTMLInputElement>;
}

/** A fieldset of radios or checkboxes, whose legend a screen reader reads with each option. */
export function ChoiceGroup<Value extends string | boolean>({
  legend,
  hint,
  error,
  options,
  type,
  value,
  onChange,
  onBlur,
  name,
  isInline = false,
  columns,
  children,
  firstInputRef,
}: ChoiceGroupProps<Value>) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const chosen = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return (
    <fieldset className={`choice-group${error ? ' field--error' : ''}`} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
      <legend className="field__label">{legend}</legend>
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
      <div
        className={`choice-group__options${isInline ? ' choice-group__options--inline' : ''}`}
        data-columns={columns}
      >
        {options.map((option, index) => {
          const optionId = `${id}-${index}`;
          const isChecked = chosen.includes(option.value);
          return (
            <div className="choice" key={String(option.value)}>
              <input
                ref={index === 0 ? firstInputRef : undefined}
                id={optionId}
                type={type}
                name={name}
                value={String(option.value)}
                checked={isChecked}
                aria-invalid={error ? true : undefined}
                onBlur={onBlur}
                onChange={() => {
                  if (type === 'radio') onChange(option.value);
                  else onChange(isChecked ? chosen.filter((item) => item !== option.value) : [...chosen, option.value]);
                }}
              />
              <label htmlFor={optionId}>
                {option.label}
                {option.hint && <span className="choice__hint">{option.hint}</span>}
              </label>
            </div>
          );
        })}
      </div>
      {children}
    </fieldset>
  );
}
