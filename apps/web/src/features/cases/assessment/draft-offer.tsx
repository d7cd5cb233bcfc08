import { formatWhen } from '@harbour/shared/format';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';

interface DraftOfferProps {
  savedAt: Date;
  /** Someone saved the assessment after the draft was typed. */
  isOutdated: boolean;
  onRestore: () => void;
  onDiscard: () => void;
}

export function DraftOffer({ savedAt, isOutdated, onRestore, onDiscard }: DraftOfferProps) {
  return (
    <Alert tone="info" title={`You have unsaved answers from ${formatWhen(savedAt, new Date())}.`}>
      {isOutdated && <p>The assessment has been saved by someone since. If you restore your answers and save, you will be shown what differs.</p>}
      <div className="button-row">
        <Button onClick={onRestore}>Restore them</Button>
        <Button variant="secondary" onClick={onDiscard}>
          Discard
        </Button>
      </div>
    </Alert>
  );
}
