import { stageLabels, type CaseStage } from '@harbour/shared/cases';
import { formatDate } from '@harbour/shared/format';
import { Link } from 'react-router';
import { Button } from '../../components/ui/button';

export interface PreviousContact {
  id: string;
  reference: string;
  stage: CaseStage;
  callerName: string;
  clientName: string | null;
  openedAt: Date;
  stageChangedAt: Date;
}

interface PreviousContactsProps {
  contacts: PreviousContact[];
  /** Offered per case: continue with it instead of opening a new one. */
  onLink: (caseId: string) => void;
  linkLabel: string;
  isBusy?: boolean;
}

/** Earlier cases with the same phone number or email, so one person does not become two cases. */
export function PreviousContacts({ contacts, onLink, linkLabel, isBusy = false }: PreviousContactsProps) {
  if (contacts.length === 0) return <p className="muted">No previous contacts with this phone number or email.</p>;
  return (
    <div className="previous-contacts" role="region" aria-labelledby="previous-contacts-heading">
      <h3 id="previous-contacts-heading">Previous contacts</h3>
      <ul>
        {contacts.map((contact) => (
          <li key={contact.id}>
            <span>
              <Link to={`/cases/${contact.reference}`}>{contact.reference}</Link> · {contact.clientName ?? contact.callerName} ·{' '}
              {stageLabels[contact.stage]} since {formatDate(contact.stageChangedAt)} · opened {formatDate(contact.openedAt)}
            </span>
            <Button variant="secondary" isBusy={isBusy} onClick={() => onLink(contact.id)}>
              {linkLabel}
              <span className="visually-hidden"> {contact.reference}</span>
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
