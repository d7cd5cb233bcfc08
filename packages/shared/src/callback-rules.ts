import { addDays, addMinutes } from 'date-fns';
import { londonHourOn } from './london-time';

// Every timing rule of the callback queue, so the service, the queue and the tests agree.

export const SLA_MINUTES = { urgent: 15, standard: 60 } as const;

/** The share of first calls a shift aims to make within SLA_MINUTES; the team lead's dashboard draws it as a line. */
export const IN_TIME_TARGET_PERCENT = 95;

/**
 * A claim with no call logged for this long goes back to the queue. Shorter for urgent
 * requests, so a forgotten claim cannot outlast their 15-minute deadline.
 */
export const CLAIM_LAPSE_MINUTES = { urgent: 10, standard: 20 } as const;

/** Unanswered calls (no answer, voicemail) before a request counts as unreachable. */
export const MAX_UNANSWERED_ATTEMPTS = 4;

export const callWindows = {
  morning: { label: 'Morning (9am to 12 noon)', startHour: 9, endHour: 12 },
  afternoon: { label: 'Afternoon (12 noon to 5pm)', startHour: 12, endHour: 17 },
  evening: { label: 'Evening (5pm to 9pm)', startHour: 17, endHour: 21 },
} as const;
export type CallWindow = keyof typeof callWindows;

export type BestTime = { kind: 'asap' } | { kind: CallWindow } | { kind: 'at'; at: Date };

/**
 * When the first call is due: urgent requests within the urgent SLA whatever was asked; a
 * chosen window from its start (or within the SLA when we are already inside it); an exact
 * time as given; otherwise within the standard SLA.
 */
export function firstDueAt(requestedAt: Date, bestTime: BestTime, isUrgent: boolean): Date {
  if (isUrgent) return addMinutes(requestedAt, SLA_MINUTES.urgent);
  if (bestTime.kind === 'asap') return addMinutes(requestedAt, SLA_MINUTES.standard);
  if (bestTime.kind === 'at') return bestTime.at;
  const window = callWindows[bestTime.kind];
  const start = londonHourOn(requestedAt, window.startHour);
  const end = londonHourOn(requestedAt, window.endHour);
  if (requestedAt < start) return start;
  if (requestedAt < end) return addMinutes(requestedAt, SLA_MINUTES.standard);
  return londonHourOn(requestedAt, window.startHour, 1);
}

/**
 * After the nth unanswered call: try again in 30 minutes, then in 2 hours, then at 9am the
 * next morning; after the 4th the person counts as unreachable.
 *
 * Someone who may be at risk is never given up on by a rule: urgent requests are tried again
 * after 15, 30 and then every 60 minutes until they are reached or a team lead decides.
 */
export function nextDueAfterUnanswered(attemptedAt: Date, unansweredSoFar: number, isUrgent = false): Date | 'unreachable' {
  if (isUrgent) return addMinutes(attemptedAt, unansweredSoFar === 1 ? 15 : unansweredSoFar === 2 ? 30 : 60);
  if (unansweredSoFar >= MAX_UNANSWERED_ATTEMPTS) return 'unreachable';
  if (unansweredSoFar === 1) return addMinutes(attemptedAt, 30);
  if (unansweredSoFar === 2) return addMinutes(attemptedAt, 120);
  // "Next morning" from a call in the small hours is this morning, not tomorrow's.
  const nineToday = londonHourOn(attemptedAt, 9);
  return attemptedAt < nineToday ? nineToday : londonHourOn(attemptedAt, 9, 1);
}

export function claimLapsesAt(claimedAt: Date, isUrgent = false): Date {
  return addMinutes(claimedAt, isUrgent ? CLAIM_LAPSE_MINUTES.urgent : CLAIM_LAPSE_MINUTES.standard);
}

/**
 * Calls logged before a retry is due do not move the schedule on: four quick "no answers"
 * in a row must not mark someone unreachable. A little grace lets an adviser call just early.
 */
export const EARLY_RETRY_GRACE_MINUTES = 5;
export function countsAsScheduledRetry(attemptedAt: Date, dueAt: Date, unansweredSoFar: number): boolean {
  return unansweredSoFar === 0 || attemptedAt.getTime() >= dueAt.getTime() - EARLY_RETRY_GRACE_MINUTES * 60_000;
}

/** How far ahead a person may book a call. */
export const LATEST_BOOKING_DAYS = 7;
export function latestBookableAt(now: Date): Date {
  return addDays(now, LATEST_BOOKING_DAYS);
}

// Words that mean someone may be at risk now. A request that uses them jumps the queue even
// when the danger question was answered "no": a missed call to such a person is the worst
// failure Harbour can have, and a false alarm costs only a few minutes.
const RISK_PATTERNS = [
  /suicid/i,
  /kill(ing)? (my|him|her|them)sel(f|ves)/i,
  /(end|ending|take|taking) (my|his|her|their) (own )?life/i,
  /wants? to die/i,
  /don'?t want to (live|be alive|be here)/i,
  /overdos/i,
  /self[- ]?harm/i,
  /(hurt|hurting|harm|harming) (my|him|her|them)sel(f|ves)/i,
  /\b(fits?|seizures?)\b/i,
  /unconscious|not breathing|can'?t wake/i,
  /(child|children|kids?|baby) (is|are) (at risk|in danger|alone)/i,
];

export function mentionsRisk(text: string | undefined): boolean {
  return text !== undefined && RISK_PATTERNS.some((pattern) => pattern.test(text));
}

export type UrgencyReason = 'immediate_danger' | 'risk_mentioned';

export function urgencyOf(input: { immediateDanger: boolean; message?: string }): UrgencyReason | null {
  if (input.immediateDanger) return 'immediate_danger';
  if (mentionsRisk(input.message)) return 'risk_mentioned';
  return null;
}
