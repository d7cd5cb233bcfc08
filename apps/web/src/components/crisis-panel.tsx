import type { UrgencyReason } from '@harbour/shared/callback-rules';
import { crisisContacts } from '@harbour/shared/helpline';
import type { ReactNode } from 'react';

const staffHeadings: Record<UrgencyReason, string> = {
  immediate_danger: 'Crisis protocol: someone may be in danger now',
  risk_mentioned: 'Crisis protocol: what they wrote mentions risk',
};

interface CrisisPanelProps {
  audience: 'public' | 'staff';
  reason?: UrgencyReason;
  /** What to do next, after the numbers; each audience has a default. */
  children?: ReactNode;
}

/** What to do right now when a life may be in danger: shown before anything else. */
export function CrisisPanel({ audience, reason = 'immediate_danger', children }: CrisisPanelProps) {
  return (
    <section className="crisis" role="alert" aria-labelledby="crisis-heading">
      <h2 id="crisis-heading">{audience === 'public' ? 'If anyone is in danger now, get help straight away' : staffHeadings[reason]}</h2>
      <ul>
        {crisisContacts.map((contact) => (
          <li key={contact.number}>
            <a href={`tel:${contact.number.replace(/\s/g, '')}`}>Call {contact.number}</a> <strong>{contact.label}</strong>: {contact.detail}
          </li>
        ))}
      </ul>
      {children ??
        (audience === 'public' ? (
          <p>You can still ask us to call you back below. We will treat your request as urgent.</p>
        ) : (
          <p>Ask about their safety first. Keep them on the line if you can, help them reach emergency services, and tell your team lead now.</p>
        ))}
    </section>
  );
}
