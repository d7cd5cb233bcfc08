import { useId, type FormEventHandler, type ReactNode } from 'react';
import { Alert } from './alert';
import { Button } from './button';

interface FormPanelProps {
  title: string;
  /** An outcome to show above the fields: a failure not about one field, or a success. */
  notice?: { tone: 'error' | 'success'; message: string } | null;
  onSubmit: FormEventHandler<HTMLFormElement>;
  children: ReactNode;
}

/** A titled form in a panel; fields validate themselves, so the browser's checks are off. */
export function FormPanel({ title, notice, onSubmit, children }: FormPanelProps) {
  const headingId = useId();
  return (
    <form className="panel" aria-labelledby={headingId} noValidate onSubmit={onSubmit}>
      <h2 id={headingId}>{title}</h2>
      {notice && <Alert tone={notice.tone}>{notice.message}</Alert>}
      {children}
    </form>
  );
}

interface FormActionsProps {
  submitLabel: string;
  busyLabel: string;
  isBusy: boolean;
  onCancel?: () => void;
}

export function FormActions({ submitLabel, busyLabel, isBusy, onCancel }: FormActionsProps) {
  return (
    <div className="button-row">
      <Button type="submit" isBusy={isBusy}>
        {isBusy ? busyLabel : submitLabel}
      </Button>
      {onCancel && (
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      )}
    </div>
  );
}
