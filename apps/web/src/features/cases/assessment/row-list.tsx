import { useRef } from 'react';
import { useFieldArray, type ArrayPath, type FieldArray } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import type { AssessmentValues } from './assessment-values';
import type { AssessmentControl } from './use-live-assessment';

type RowsName = ArrayPath<AssessmentValues>;

/**
 * A list of rows the adviser adds to and removes from. A new row takes the focus on its first
 * field; after a removal the focus goes to the "Add" button, not back to the top of the page.
 */
export function useRowList<Name extends RowsName>(control: AssessmentControl, name: Name, newRow: () => FieldArray<AssessmentValues, Name>, firstField: string) {
  const { fields, append, remove } = useFieldArray({ control, name });
  const addButtonRef = useRef<HTMLButtonElement>(null);
  return {
    fields,
    addButtonRef,
    add: () => append(newRow(), { focusName: `${name}.${fields.length}.${firstField}` }),
    removeAt(index: number) {
      remove(index);
      addButtonRef.current?.focus();
    },
  };
}

/** "Remove", heard as "Remove condition 2". */
export function RemoveRowButton({ row, onRemove }: { row: string; onRemove: () => void }) {
  return (
    <Button variant="link" className="assessment-row__remove" onClick={onRemove}>
      Remove <span className="visually-hidden">{row}</span>
    </Button>
  );
}
