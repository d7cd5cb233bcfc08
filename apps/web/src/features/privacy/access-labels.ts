// What each audit entry means, in words a person reading their subject-access answer follows.
// An action not listed shows its code: better than hiding that something happened.
const accessLabels: Record<string, string> = {
  'cases.opened': 'Opened the case',
  'cases.viewed': 'Looked at the case',
  'cases.updated': 'Changed the case',
  'cases.contact_recorded': 'Recorded another contact',
  'cases.looked_up': 'Found it in a duplicate check',
  'cases.listed': 'Saw it in a list of cases',
  'cases.note_added': 'Added a note',
  'cases.note_pinned': 'Pinned a note',
  'cases.crisis_raised': 'Raised a crisis',
  'cases.crisis_action_recorded': 'Recorded what was done in a crisis',
  'cases.crises_listed': 'Saw it among open crises',
  'callbacks.requested': 'Sent a callback request',
  'callbacks.viewed': 'Looked at the callback request',
  'callbacks.claimed': 'Took the callback request',
  'callbacks.released': 'Put the callback request back',
  'callbacks.assigned': 'Gave the callback request to an adviser',
  'callbacks.attempt_logged': 'Logged a call',
  'callbacks.reopened': 'Reopened the callback request',
  'callbacks.case_opened': 'Opened a case from the callback request',
  'callbacks.looked_up': 'Found it in a duplicate check',
  'placements.proposed': 'Proposed a placement',
  'placements.confirmed': 'Confirmed a placement',
  'placements.admitted': 'Recorded an admission',
  'placements.discharged': 'Recorded a discharge',
  'placements.cancelled': 'Cancelled a placement',
  'aftercare.plan_saved': 'Saved the aftercare plan',
  'aftercare.check_in_recorded': 'Recorded a check-in',
  'aftercare.check_ins_listed': 'Saw it in the check-ins list',
  'reports.viewed': 'Saw it in a report',
  'privacy.subject_looked_up': 'Looked it up for a privacy request',
  'privacy.subject_access': 'Read it for a subject-access request',
  'privacy.contact_withdrawn': 'Recorded withdrawal of consent to contact',
  'privacy.erased': 'Erased it',
};

export const accessLabelOf = (action: string): string => accessLabels[action] ?? action;

/** Who made an entry: a member of staff, or nobody signed in (the public form, an automatic job). */
export const accessByOf = (entry: { action: string; byName: string | null }): string =>
  entry.byName ?? (entry.action === 'callbacks.requested' ? 'The person, on the public form' : 'Harbour, automatically');
