import type { FieldPath } from 'react-hook-form';
import { ChoiceGroup } from '../../../components/ui/choice-group';
import { FormChoiceGroup } from '../../../components/ui/form-choice-group';
import type { AssessmentValues } from './assessment-values';
import type { AssessmentControl } from './use-live-assessment';

const yesNoOptions = [
  { value: true, label: 'Yes' },
  { value: false, label: 'No' },
] as const;

interface YesNoQuestionProps {
  control: AssessmentControl;
  name: FieldPath<AssessmentValues>;
  legend: string;
  hint?: string;
  /** Why the answer is already yes (the substance rows say so); the question is then shown answered. */
  answeredBy?: string;
}

/** The one yes/no question of the assessment: the criteria, the risk screen and the conditions. */
export function YesNoQuestion({ control, name, legend, hint, answeredBy }: YesNoQuestionProps) {
  if (answeredBy) {
    return (
      // A disabled fieldset shows the answer the adviser cannot change here, with the reason.
      <fieldset disabled className="assessment-answered">
        <ChoiceGroup<boolean> legend={legend} hint={answeredBy} type="radio" isInline options={yesNoOptions} value={true} onChange={() => undefined} name={`${name}-answered`} />
      </fieldset>
    );
  }
  return <FormChoiceGroup<AssessmentValues, boolean> control={control} name={name} legend={legend} hint={hint} type="radio" isInline options={yesNoOptions} />;
}
