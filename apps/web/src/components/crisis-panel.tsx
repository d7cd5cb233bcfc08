import { crisisContacts } from '@harbour/shared/helpline';

/** What to do right now when a life may be in danger: shown before anything else. */
export function CrisisPanel({ audience }: { audience: 'public' | 'staff' }) {
  return (
    <section className="crisis" role="alert" aria-labelledby="crisis-heading">
      <h2 id="crisis-heading">{audience === 'public' ? 'If anyone is in danger now, get help straight away' : 'Crisis protocol: someone may be in danger now'}</h2>
      <ul>
        {crisisContacts.map((contact) => (
          <li key={contact.number}>
            <a href={`tel:${contact.number.replace(/\s/g, '')}`}>
              Call {contact.number}
            </a>{' '}
            <strong>{contact.label}</strong>: {contact.detail}
          </li>
        ))}
      </ul>
      {audience === 'public' ? (
        <p>You can still ask us to call you back below. We will treat your request as urgent.</p>
      ) : (
        <p>Keep the person on the line if you can, help them reach emergency services, and tell your team lead now.</p>
      )}
    </section>
  );
}
