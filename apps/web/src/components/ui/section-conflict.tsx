import { Alert } from './alert';
import { Button } from './button';

export interface UnsavedLine {
  label: string;
  value: string;
}

/**
 * A save lost to a colleague's: their message, a way to load what they saved, and, once loaded,
 * what this person had typed, so nothing they heard on the call is lost.
 */
export function SectionConflict({
  message,
  unsaved,
  isReloading,
  onReload,
}: {
  message: string | null;
  unsaved: UnsavedLine[] | null;
  isReloading: boolean;
  onReload: () => void;
}) {
  return (
    <>
      {message && (
        <Alert tone="error" title="Not saved: someone else changed this first">
          <p>{message}</p>
          <Button variant="secondary" isBusy={isReloading} onClick={onReload}>
            Reload their version
          </Button>
        </Alert>
      )}
      {unsaved && unsaved.length > 0 && (
        <div className="unsaved" role="region" aria-label="Your unsaved answers">
          <h3>Your unsaved answers</h3>
          <p className="muted">The form now shows what was saved. These are the answers you had typed that differ from it:</p>
          <dl className="details">
            {unsaved.map((line) => (
              <div key={line.label} className="details__row">
                <dt>{line.label}</dt>
                <dd>{line.value}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </>
  );
}

/**
 * The answers this person gave that the saved version does not have: lines of `mine` that
 * differ from `theirs` and that they changed from what they `started` with. A colleague's
 * change they never touched is not offered back as theirs, to be re-entered over it.
 */
export function differingLines(mine: UnsavedLine[], theirs: UnsavedLine[], started: UnsavedLine[] = []): UnsavedLine[] {
  const saved = new Map(theirs.map((line) => [line.label, line.value]));
  const original = new Map(started.map((line) => [line.label, line.value]));
  return mine.filter((line) => saved.get(line.label) !== line.value && original.get(line.label) !== line.value);
}
