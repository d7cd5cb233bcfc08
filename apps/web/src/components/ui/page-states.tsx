import { Button } from './button';

export function LoadingState({ label }: { label: string }) {
  return (
    <div className="page-state" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="page-state page-state--error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="page-state">
      <p className="page-state__title">{title}</p>
      {children}
    </div>
  );
}

/** A record that does not exist, or that this person may not see: the same answer for both. */
export function NotFoundState({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="page-state">
      <h1>{title}</h1>
      <p>{children}</p>
    </div>
  );
}
