import { sql, type RawBuilder } from 'kysely';

/**
 * Rows of `table` with this phone number or email: the one rule for "the same person" used
 * by every duplicate check. A missing key matches nothing.
 */
export function matchesContact(table: 'cases' | 'callback_requests', contact: { phoneE164?: string; email?: string }): RawBuilder<boolean> {
  const byPhone = contact.phoneE164 ? sql`${sql.ref(`${table}.phone_e164`)} = ${contact.phoneE164}` : sql`false`;
  const byEmail = contact.email ? sql`${sql.ref(`${table}.email`)} = ${contact.email}` : sql`false`;
  return sql<boolean>`(${byPhone} or ${byEmail})`;
}
