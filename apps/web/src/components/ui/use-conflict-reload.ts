import { useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { errorCodeOf, messageOf } from '../../lib/trpc';
import { differingLines, type UnsavedLine } from './section-conflict';

/**
 * The losing side of a conflict for one section's form: keeps the message, and on reload puts
 * the saved values in the form while listing what the person had typed that differs.
 */
export function useConflictReload<Values extends FieldValues>(
  form: UseFormReturn<Values, unknown, FieldValues>,
  describe: (values: Values) => UnsavedLine[],
  reload: () => Promise<Values | undefined>,
) {
  const [message, setMessage] = useState<string | null>(null);
  const [typed, setTyped] = useState<{ values: Values; started: Values } | null>(null);
  const [unsaved, setUnsaved] = useState<UnsavedLine[] | null>(null);
  const [isReloading, setIsReloading] = useState(false);

  return {
    message,
    unsaved,
    isReloading,
    /** True when the error was a conflict and is now shown; otherwise the caller handles it. */
    caught(error: unknown): boolean {
      if (errorCodeOf(error) !== 'CONFLICT') return false;
      setMessage(messageOf(error));
      // What the form was reset to last (the version read) tells typed answers from untouched ones.
      setTyped({ values: form.getValues(), started: form.formState.defaultValues as Values });
      return true;
    },
    async reloadTheirs() {
      setIsReloading(true);
      try {
        const saved = await reload();
        if (!saved) return;
        form.reset(saved);
        setUnsaved(typed ? differingLines(describe(typed.values), describe(saved), describe(typed.started)) : null);
        setMessage(null);
      } finally {
        setIsReloading(false);
      }
    },
    dismiss() {
      setUnsaved(null);
      setMessage(null);
    },
  };
}
