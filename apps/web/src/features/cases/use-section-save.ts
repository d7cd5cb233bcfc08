import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useTRPC } from '../../lib/trpc';

/**
 * What happens after a case section is saved with its version: the form takes the new version
 * and counts as clean, the "saved at" note shows, the case is read again; a conflict goes to
 * the section's conflict handler and any other refusal to its fields.
 */
export function useSectionSave(
  form: UseFormReturn<FieldValues, unknown, FieldValues>,
  conflict: { caught: (error: unknown) => boolean; dismiss: () => void },
  onServerError: (error: unknown) => void,
) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  return {
    savedAt,
    onSuccess: async ({ version }: { version: number }) => {
      form.setValue('version', version);
      form.reset(form.getValues());
      setSavedAt(new Date());
      conflict.dismiss();
      await queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
    },
    onError: (error: unknown) => {
      if (!conflict.caught(error)) onServerError(error);
    },
  };
}
