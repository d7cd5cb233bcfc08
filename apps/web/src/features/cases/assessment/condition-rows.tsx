import { conditionOptions, conditionStatusOptions } from '@harbour/shared/assessment';
import { useFormState } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import { FormChoiceGroup } from '../../../components/ui/form-choice-group';
import { SelectField } from '../../../components/ui/select-field';
import { blankCondition, type AssessmentForm } from './assessment-values';
import { RemoveRowButton, useRowList } from './row-list';
import { useLiveDualDiagnosis } from './use-live-assessment';
import { YesNoQuestion } from './yes-no-question';

/** Mental health conditions alongside the substance use: any at all is a dual diagnosis. */
export function ConditionRows({ form }: { form: AssessmentForm }) {
  const { control, register } = form;
  const { fields, addButtonRef, add, removeAt } = useRowList(control, 'conditions', blankCondition, 'condition');
  const { errors } = useFormState({ control, name: 'conditions' });
  const isDualDiagnosis = useLiveDualDiagnosis(control);

  return (
    <section className="assessment-part" aria-labelledby="assessment-conditions-heading">
      <h3 id="assessment-conditions-heading">
        Co-occurring conditions {isDualDiagnosis && <span className="badge badge--dual">Dual diagnosis</span>}
      </h3>
      <p className="assessment-part__intro">Suspected conditions count too: the clinic must be able to assess and support them.</p>
      {fields.length === 0 && <p className="muted">None recorded.</p>}
      {fields.map((field, index) => (
        <fieldset key={field.id} className="assessment-row">
          <legend className="assessment-row__legend">Condition {index + 1}</legend>
          <div className="assessment-row__fields">
            <SelectField
              label="Condition"
              placeholder="Choose a condition"
              options={conditionOptions}
              error={errors.conditions?.[index]?.condition?.message}
              {...register(`conditions.${index}.condition`)}
            />
            <FormChoiceGroup control={control} name={`conditions.${index}.status`} legend="Diagnosed?" type="radio" options={conditionStatusOptions} />
            <YesNoQuestion control={control} name={`conditions.${index}.isCurrentlyTreated`} legend="Being treated for it now?" />
          </div>
          <RemoveRowButton row={`condition ${index + 1}`} onRemove={() => removeAt(index)} />
        </fieldset>
      ))}
      <Button ref={addButtonRef} variant="secondary" onClick={add}>
        Add condition
      </Button>
    </section>
  );
}
