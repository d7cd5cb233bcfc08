import { parsePhoneNumberFromString } from 'libphonenumber-js/core';
import { ukPhoneMetadata } from './uk-phone-metadata';

/**
 * A UK mobile or landline as E.164 (+447400123456), or null when it is not one. Guernsey,
 * Jersey and the Isle of Man share +44, so their numbers count too.
 */
export function toUkE164(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), 'GB', ukPhoneMetadata);
  if (!parsed || parsed.countryCallingCode !== '44' || !parsed.isValid()) return null;
  return parsed.number;
}

/** 07400 123456, as people in the UK write it. */
export function formatUkPhone(e164: string): string {
  return parsePhoneNumberFromString(e164, ukPhoneMetadata)?.formatNational() ?? e164;
}

/** What an adviser has typed of a phone number and email, as the keys records are stored under. */
export function contactKeys(typed: { phone?: string; email?: string }): { phoneE164?: string; email?: string } {
  return {
    phoneE164: typed.phone ? (toUkE164(typed.phone) ?? undefined) : undefined,
    email: typed.email?.trim().toLowerCase() || undefined,
  };
}
