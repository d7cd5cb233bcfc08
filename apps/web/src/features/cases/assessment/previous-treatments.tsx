import { treatmentEndingOptions } from '@harbour/shared/assessment';
import { useFormState } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { asOptional, asOptionalNumber, blankTreatment, type AssessmentForm } from './assessment-values';
import { RemoveRowButton, useRowList } from './row-list';

/** Treatment they have had before: where, when and how it ended. */
export function PreviousTreatments({ form }: { form: AssessmentForm }) {
  const { control, register } = form;
  const { fields, addButtonRef, add, removeAt } = useRowList(control, 'previousTreatments', blankTreatment, 'where');
  const { errors } = useFormState({ control, name: 'previousTreatments' });

  return (
    <section className="assessment-part" aria-labelledby="assessment-treatments-heading">
      <h3 id="assessment-treatments-heading">Previous treatment</h3>
      {fields.length === 0 && <p className="muted">None recorded.</p>}
      {fields.map((field, index) => {
        const rowErrors = errors.previousTreatments?.[index];
        return (
          <fieldset key={field.id} className="assessment-row">
            <legend className="assessment-row__legend">Treatment {index + 1}</legend>
            <div className="assessment-row__fields">
              <TextField label="Where" autoComplete="off" error={rowErrors?.where?.message} {...register(`previousTreatments.${index}.where`)} />
              <TextField
                label="Year"
                inputMode="numeric"
                autoComplete="off"
                hint="For example, 2019"
                error={rowErrors?.year?.message}
                {...register(`previousTreatments.${index}.year`, { setValueAs: asOptionalNumber })}
              />
              <SelectField
                label="How it ended"
                placeholder="Not asked yet"
                options={treatmentEndingOptions}
                error={rowErrors?.howItEnded?.message}
                {...register(`previousTreatments.${index}.howItEnded`, { setValueAs: asOptional })}
              />
            </div>
            <RemoveRowButton row={`treatment ${index + 1}`} onRemove={() => removeAt(index)} />
          </fieldset>
        );
      })}
      <Button ref={addButtonRef} variant="secondary" onClick={add}>
        Add previous treatment
      </Button>
    </section>
  );
}
