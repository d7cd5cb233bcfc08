// Who a callback request is about, and the names each screen gives it, apart from the request
// schemas: the queue shows it on every row, and importing it from callbacks.ts would bring zod
// and the phone-number rules into the first download.

export const forWhomOptions = [
  { value: 'self', label: 'Me' },
  { value: 'loved_one', label: 'Someone I care about' },
  { value: 'professional', label: 'I am a professional (for example a GP or social worker)' },
] as const;
export type ForWhom = (typeof forWhomOptions)[number]['value'];

export const forWhomLabels: Record<ForWhom, string> = {
  self: 'For themselves',
  loved_one: 'For someone they care about',
  professional: 'Professional referral',
};

/** The same answers as an adviser records them about a caller. */
export const callerForWhomOptions: ReadonlyArray<{ value: ForWhom; label: string }> = [
  { value: 'self', label: 'The caller' },
  { value: 'loved_one', label: 'Someone the caller cares about' },
  { value: 'professional', label: 'Someone a professional is referring' },
];

export const forWhomShortLabels: Record<ForWhom, string> = { self: 'Self', loved_one: 'Loved one', professional: 'Professional' };
