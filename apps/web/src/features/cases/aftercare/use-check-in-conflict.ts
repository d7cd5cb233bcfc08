import { useState } from 'react';
import type { UnsavedLine } from '../../../components/ui/section-conflict';
import { useReloadCase } from './use-reload-case';

/**
 * A check-in a colleague recorded first. Their outcome stands (a check-in is recorded once), so
 * reloading shows it in the schedule and keeps what this adviser typed beside it, to add to a
 * note if it matters.
 */
export function useCheckInConflict(reference: string) {
  const reloadCase = useReloadCase(reference);
  const [lost, setLost] = useState<{ message: string; typed: UnsavedLine[] } | null>(null);
  const [unsaved, setUnsaved] = useState<UnsavedLine[] | null>(null);
  const [isReloading, setIsReloading] = useState(false);

  return {
    message: lost?.message ?? null,
    unsaved,
    isReloading,
    caught(message: string, typed: UnsavedLine[]) {
      setLost({ message, typed });
      setUnsaved(null);
    },
    async reload() {
      setIsReloading(true);
      try {
        await reloadCase();
        setUnsaved(lost?.typed ?? null);
        setLost(null);
      } finally {
        setIsReloading(false);
      }
    },
    dismiss() {
      setLost(null);
      setUnsaved(null);
    },
  };
}
