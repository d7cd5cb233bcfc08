import { substances } from '@harbour/shared/substances';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { FormChoiceGroup } from './ui/form-choice-group';

const options = substances.map((substance) => ({ value: substance.id, label: substance.label }));

/** The substance catalogue as checkboxes, in two columns where there is room. */
export function SubstanceChoices<Values extends FieldValues>({
  control,
  name,
  legend,
  hint,
}: {
  control: Control<Values, unknown, FieldValues>;
  name: FieldPath<Values>;
  legend: string;
  hint?: string;
}) {
  return <FormChoiceGroup<Values, string> control={control} name={name} legend={legend} hint={hint} type="checkbox" columns={2} options={options} />;
}
