import { frequencyOptions, routeOptions } from '@harbour/shared/assessment';
import { substances } from '@harbour/shared/substances';
import { useId } from 'react';
import { useFormState, useWatch } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { asOptional, asOptionalNumber, blankSubstance, type AssessmentForm } from './assessment-values';
import { RemoveRowButton, useRowList } from './row-list';
import { UkDayField } from './uk-day-field';

const substanceOptions = substances.map((substance) => ({ value: substance.id, label: substance.label }));

/** What they use: one row per substance, one of them the primary one. */
export function SubstanceRows({ form }: { form: AssessmentForm }) {
  const { control, register, setValue } = form;
  const rows = useWatch({ control, name: 'substances' });
  // The first row added to an empty list is the primary one.
  const { fields, addButtonRef, add, removeAt } = useRowList(control, 'substances', () => blankSubstance(rows.length === 0), 'substance');
  const { errors } = useFormState({ control, name: 'substances' });
  const primaryName = useId();
  const listError = errors.substances?.root?.message ?? errors.substances?.message;

  const choosePrimary = (chosen: number) =>
    rows.forEach((_, index) => setValue(`substances.${index}.isPrimary`, index === chosen, { shouldDirty: true }));

  const removeRow = (index: number) => {
    const wasPrimary = rows[index]?.isPrimary === true;
    removeAt(index);
    if (wasPrimary && rows.length > 1) setValue('substances.0.isPrimary', true, { shouldDirty: true });
  };

  return (
    <section className="assessment-part" aria-labelledby="assessment-substances-heading">
      <h3 id="assessment-substances-heading">Substances</h3>
      {listError && (
        <p className="field__error" role="alert">
          <span className="visually-hidden">Error: </span>
          {listError}
        </p>
      )}
      {fields.length === 0 && <p className="muted">No substances recorded yet.</p>}
      {fields.map((field, index) => {
        const rowErrors = errors.substances?.[index];
        return (
          <fieldset key={field.id} className="assessment-row">
            <legend className="assessment-row__legend">Substance {index + 1}</legend>
            <div className="assessment-row__fields">
              <SelectField
                label="Substance"
                placeholder="Choose a substance"
                options={substanceOptions}
                error={rowErrors?.substance?.message}
                {...register(`substances.${index}.substance`)}
              />
              <div className="field choice assessment-row__primary">
                <input
                  id={`${primaryName}-${index}`}
                  type="radio"
                  name={primaryName}
                  checked={rows[index]?.isPrimary === true}
                  onChange={() => choosePrimary(index)}
                />
                <label htmlFor={`${primaryName}-${index}`}>Primary substance</label>
              </div>
              <SelectField
                label="How it is taken"
                placeholder="Not asked yet"
                options={routeOptions}
                error={rowErrors?.route?.message}
                {...register(`substances.${index}.route`, { setValueAs: asOptional })}
              />
              <SelectField
                label="How often"
                placeholder="Not asked yet"
                options={frequencyOptions}
                error={rowErrors?.frequency?.message}
                {...register(`substances.${index}.frequency`, { setValueAs: asOptional })}
              />
              <TextField label="How much" autoComplete="off" error={rowErrors?.amount?.message} {...register(`substances.${index}.amount`)} />
              <TextField
                label="Years of use"
                inputMode="numeric"
                autoComplete="off"
                error={rowErrors?.yearsOfUse?.message}
                {...register(`substances.${index}.yearsOfUse`, { setValueAs: asOptionalNumber })}
              />
              <UkDayField control={control} name={`substances.${index}.lastUse`} label="Last use" />
            </div>
            <RemoveRowButton row={`substance ${index + 1}`} onRemove={() => removeRow(index)} />
          </fieldset>
        );
      })}
      <Button ref={addButtonRef} variant="secondary" onClick={add}>
        Add substance
      </Button>
    </section>
  );
}
