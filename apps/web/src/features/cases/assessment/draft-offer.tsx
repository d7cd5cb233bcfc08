import { formatWhen } from '@harbour/shared/format';
import { useEffect, useRef } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';

interface DraftOfferProps {
  savedAt: Date;
  /** Someone saved the assessment after the draft was typed. */
  isOutdated: boolean;
  onRestore: () => void;
  onDiscard: () => void;
}

/**
 * After a refresh or a crash mid-call, the page opens on this offer (it takes focus, so it is
 * scrolled into view and read out) rather than leaving it below the fold.
 */
export function DraftOffer({ savedAt, isOutdated, onRestore, onDiscard }: DraftOfferProps) {
  const restoreRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    restoreRef.current?.focus();
  }, []);
  return (
    <Alert tone="info" title={`You have unsaved answers from ${formatWhen(savedAt, new Date())}.`}>
      {isOutdated && <p>The assessment has been saved by someone since. If you restore your answers and save, you will be shown what differs.</p>}
      <div className="button-row">
        <Button ref={restoreRef} onClick={onRestore}>
          Restore them
        </Button>
        <Button variant="secondary" onClick={onDiscard}>
          Discard
        </Button>
      </div>
    </Alert>
  );
}
