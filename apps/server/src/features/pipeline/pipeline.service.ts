import { caseStages, type CaseStage } from '@harbour/shared/cases';
import { endOfLondonCalendarDay, startOfLondonCalendarDay } from '@harbour/shared/london-time';
import { can } from '@harbour/shared/permissions';
import type { BoardFilters } from '@harbour/shared/pipeline';
import { stageOptions } from '@harbour/shared/stages';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../../actor';
import type { Database } from '../../db/database';
import { notFound } from '../../trpc/errors';
import { recordLookUp } from '../audit/audit.service';
import { caseForStageOptions } from '../cases/case-changes.service';
import { findConversion, findMedianDaysInStage, findStaleByAdviser } from './pipeline-metrics.queries';
import { countByStage, findColumnPage } from './pipeline.queries';

/** Every column's count and first page; the cards show people's names, so who saw them is recorded. */
export async function viewBoard(db: Kysely<Database>, actor: StaffActor, filters: BoardFilters, now: Date) {
  const [counts, ...pages] = await Promise.all([
    countByStage(db, filters, now),
    ...caseStages.map((stage) => findColumnPage(db, stage, filters, 1, now)),
  ]);
  const columns = Object.fromEntries(caseStages.map((stage, index) => [stage, pages[index]!])) as Record<CaseStage, (typeof pages)[number]>;
  await recordLookUp(db, actor, { action: 'cases.listed', entityType: 'case', ids: pages.flatMap((page) => page.cards.map((card) => card.id)) });
  return { counts, columns };
}

/** A further page of one column, as the team lead scrolls. */
export async function viewBoardColumn(db: Kysely<Database>, actor: StaffActor, input: { stage: CaseStage; filters: BoardFilters; page: number }, now: Date) {
  const page = await findColumnPage(db, input.stage, input.filters, input.page, now);
  await recordLookUp(db, actor, { action: 'cases.listed', entityType: 'case', ids: page.cards.map((card) => card.id) });
  return page;
}

/**
 * Where a card could go, each stage allowed or refused with the reason, read when the card is
 * picked up, so the columns it cannot go to are greyed out with why before it is dropped.
 */
export async function moveOptions(db: Kysely<Database>, actor: StaffActor, caseId: string) {
  const found = await caseForStageOptions(db, caseId);
  if (!found) throw notFound('That case does not exist');
  return { version: found.version, stage: found.stage, options: stageOptions(found.facts, can(actor.role, 'cases:supervise')) };
}

/**
 * The pipeline's figures for a period of London days: cases per stage now, conversion from
 * enquiry to admission of the cases opened in the period, median days in each stage of the
 * moves made in it, and stale cases by adviser now. Counts only: no one's details.
 */
export async function pipelineMetrics(db: Kysely<Database>, period: { from: string; to: string }, now: Date) {
  const from = startOfLondonCalendarDay(period.from);
  const until = endOfLondonCalendarDay(period.to);
  const [perStage, conversion, medianDays, staleByAdviser] = await Promise.all([
    countByStage(db, {}, now),
    findConversion(db, from, until),
    findMedianDaysInStage(db, from, until),
    findStaleByAdviser(db, now),
  ]);
  const rate = (count: number) => (conversion.opened === 0 ? null : Math.round((count / conversion.opened) * 1000) / 10);
  return {
    perStage,
    conversion: { ...conversion, assessedPercent: rate(conversion.assessed), admittedPercent: rate(conversion.admitted) },
    medianDays,
    staleByAdviser,
  };
}
