// What the public sees about the service, in one place. The number is in Ofcom's range kept
// for drama and examples (0808 157 0xxx); set the real one before going live.
export const HELPLINE_PHONE = '0808 157 0192';

export const crisisContacts = [
  { label: 'Emergency services', number: '999', detail: 'if a life is in danger now' },
  { label: 'Samaritans', number: '116 123', detail: 'free, day or night, to talk' },
  { label: 'NHS 111, option 2', number: '111', detail: 'for an urgent mental health crisis' },
] as const;

export const FUNDING_DISCLOSURE =
  'Our service is free to you. We are paid by the partner clinics we refer people to, not by you.';
