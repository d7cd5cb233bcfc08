import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { FormChoiceGroup } from './ui/form-choice-group';

const yesNo = [
  { value: true, label: 'Yes' },
  { value: false, label: 'No' },
] as const;

/** The first question on every intake: it decides whether the crisis protocol shows. */
export function DangerQuestion<Values extends FieldValues>({ control, name }: { control: Control<Values, unknown, FieldValues>; name: FieldPath<Values> }) {
  return <FormChoiceGroup<Values, boolean> control={control} name={name} legend="Is anyone in immediate danger right now?" type="radio" isInline options={yesNo} />;
}
