import type { CallbackRequest } from '@harbour/shared/callbacks';
import { londonHourOn } from '@harbour/shared/london-time';
import type { Kysely } from 'kysely';
import type { Database } from '../database';
import type { StaffActor } from '../../actor';
import { claimCallback, logAttempt, openCaseFromCallback, requestCallback } from '../../features/callbacks/callbacks.service';

const minutesAgo = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);

type DemoRequest = Omit<CallbackRequest, 'idempotencyKey' | 'consentToContact' | 'website'> & {
  minutesAgo: number;
  /** Unanswered calls already made, by the adviser, before now. */
  unansweredCalls?: number;
};

// Invented people; phone numbers are valid UK formats that are not known to be in use.
const demoRequests: DemoRequest[] = [
  { fullName: 'Daniel Hughes', phone: '07400 100201', forWhom: 'self', bestTime: { kind: 'asap' }, substances: ['alcohol'], immediateDanger: true, message: 'I have been drinking since this morning and I am scared of what I might do.', consentToHealthData: true, minutesAgo: 4 },
  { fullName: 'Priya Kaur', phone: '07400 100202', forWhom: 'loved_one', bestTime: { kind: 'asap' }, substances: ['heroin', 'other_opioids'], immediateDanger: false, message: 'My brother overdosed last month and is using again.', consentToHealthData: true, minutesAgo: 25 },
  { fullName: 'Tom Fletcher', phone: '07400 100203', forWhom: 'self', bestTime: { kind: 'asap' }, substances: ['cocaine'], immediateDanger: false, consentToHealthData: true, minutesAgo: 95 },
  { fullName: 'Sarah Jenkins', phone: '07400 100204', forWhom: 'loved_one', bestTime: { kind: 'asap' }, substances: ['ketamine'], immediateDanger: false, message: 'My daughter is 19 and uses ketamine most days. She has bladder pain.', consentToHealthData: true, minutesAgo: 70, unansweredCalls: 1 },
  { fullName: 'Mark Davies', phone: '07400 100205', forWhom: 'self', bestTime: { kind: 'asap' }, substances: ['gambling'], immediateDanger: false, consentToHealthData: false, minutesAgo: 40 },
  { fullName: 'Aisha Rahman', phone: '020 7946 0311', forWhom: 'professional', bestTime: { kind: 'asap' }, substances: ['alcohol', 'benzodiazepines'], immediateDanger: false, message: 'GP practice: patient withdrawing from alcohol and diazepam, needs a detox bed.', consentToHealthData: true, minutesAgo: 15 },
  { fullName: 'Gareth Morgan', phone: '07400 100207', forWhom: 'self', bestTime: { kind: 'asap' }, substances: ['crack_cocaine'], immediateDanger: false, consentToHealthData: true, minutesAgo: 200, unansweredCalls: 2 },
  { fullName: 'Helen Wright', phone: '07400 100208', forWhom: 'loved_one', bestTime: { kind: 'asap' }, substances: ['alcohol'], immediateDanger: false, message: 'My husband has fits when he stops drinking.', consentToHealthData: true, minutesAgo: 8 },
  { fullName: 'Lewis Carter', phone: '07400 100209', forWhom: 'self', bestTime: { kind: 'asap' }, substances: ['cannabis', 'mdma'], immediateDanger: false, consentToHealthData: true, minutesAgo: 30 },
  { fullName: 'Emma Roberts', phone: '07400 100210', forWhom: 'self', bestTime: { kind: 'asap' }, substances: ['prescription_medicines'], immediateDanger: false, consentToHealthData: true, minutesAgo: 50 },
  { fullName: 'Owen Price', phone: '07400 100211', forWhom: 'loved_one', bestTime: { kind: 'asap' }, substances: ['amphetamines'], immediateDanger: false, consentToHealthData: true, minutesAgo: 2 },
  { fullName: 'Nadia Ali', phone: '07400 100212', forWhom: 'self', bestTime: { kind: 'asap' }, substances: ['ghb_gbl'], immediateDanger: false, consentToHealthData: true, minutesAgo: 12 },
];

/** A working queue for a newcomer: urgent, overdue, retried, and one person who called before. */
export async function seedDemoCallbacks(db: Kysely<Database>, adviser: StaffActor, now = new Date()): Promise<void> {
  // Three weeks ago Sarah Jenkins asked for help once already: her new request shows that case.
  const earlier = await requestCallback(
    db,
    { ...demoRequest(demoRequests[3]!), idempotencyKey: 'demo-seed-earlier-request' },
    { requestId: 'seed', clientIp: 'seed-earlier', now: minutesAgo(now, 21 * 24 * 60) },
  );
  const earlierId = await idOfReference(db, earlier.reference);
  const threeWeeksAgo = minutesAgo(now, 21 * 24 * 60 - 5);
  await claimCallback(db, adviser, earlierId, threeWeeksAgo);
  await logAttempt(db, adviser, { id: earlierId, outcome: 'answered', notes: 'Talked about options; she will talk to her daughter.' }, threeWeeksAgo);
  await openCaseFromCallback(db, adviser, { id: earlierId }, threeWeeksAgo);

  // Three days ago four calls went unanswered, on schedule: a team lead may reopen it.
  const unreachableAt = londonHourOn(now, 10, -3);
  const unreached = await requestCallback(
    db,
    {
      ...demoRequest({ fullName: 'Jordan Blake', phone: '07400 100213', forWhom: 'self', bestTime: { kind: 'asap' }, substances: ['cocaine'], immediateDanger: false, consentToHealthData: true, minutesAgo: 0 }),
      idempotencyKey: 'demo-seed-unreachable',
    },
    { requestId: 'seed', clientIp: 'seed-unreachable', now: unreachableAt },
  );
  const unreachedId = await idOfReference(db, unreached.reference);
  const scheduledCalls = [
    new Date(unreachableAt.getTime() + 5 * 60_000),
    new Date(unreachableAt.getTime() + 40 * 60_000),
    new Date(unreachableAt.getTime() + 165 * 60_000),
    new Date(londonHourOn(now, 9, -2).getTime() + 5 * 60_000),
  ];
  for (const calledAt of scheduledCalls) {
    await claimCallback(db, adviser, unreachedId, calledAt);
    await logAttempt(db, adviser, { id: unreachedId, outcome: 'no_answer' }, calledAt);
  }

  for (const [index, request] of demoRequests.entries()) {
    const requestedAt = minutesAgo(now, request.minutesAgo);
    const receipt = await requestCallback(
      db,
      { ...demoRequest(request), idempotencyKey: `demo-seed-request-${index}` },
      { requestId: 'seed', clientIp: `seed-${index}`, now: requestedAt },
    );
    const id = await idOfReference(db, receipt.reference);
    for (let call = 0; call < (request.unansweredCalls ?? 0); call += 1) {
      const calledAt = minutesAgo(now, request.minutesAgo - 10 - call * 35);
      await claimCallback(db, adviser, id, calledAt);
      await logAttempt(db, adviser, { id, outcome: call === 0 ? 'no_answer' : 'voicemail' }, calledAt);
    }
  }
}

function demoRequest(request: DemoRequest): Omit<CallbackRequest, 'idempotencyKey'> {
  const { minutesAgo: _minutesAgo, unansweredCalls: _calls, ...rest } = request;
  return { ...rest, phone: toE164(rest.phone), consentToContact: true };
}

function toE164(national: string): string {
  return `+44${national.replace(/\s/g, '').slice(1)}`;
}

async function idOfReference(db: Kysely<Database>, reference: string): Promise<string> {
  const row = await db.selectFrom('callback_requests').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
  return row.id;
}
