import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** A UK mobile or landline as E.164 (+447700900123), or null when it is not one. */
export function toUkE164(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), 'GB');
  if (!parsed || parsed.country !== 'GB' || !parsed.isValid()) return null;
  return parsed.number;
}

/** 07700 900123, as people in the UK write it. */
export function formatUkPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatNational() ?? e164;
}
