import { STALE_AFTER_DAYS } from '@harbour/shared/pipeline';
import { sql, type RawBuilder } from 'kysely';

/**
 * An open row of `cases` that is stale at `now`: too long in its stage, or its next action a
 * day overdue. The one rule read by the pipeline's figures and the team lead's dashboard.
 */
export function isStaleCase(now: Date): RawBuilder<boolean> {
  const limits = STALE_AFTER_DAYS;
  const dayAgo = new Date(now.getTime() - 24 * 3_600_000);
  return sql<boolean>`(cases.stage <> 'closed' and (
    cases.next_action_due_at < ${dayAgo}
    or cases.stage_changed_at < ${now}::timestamptz - make_interval(days => case cases.stage
         when 'enquiry' then ${limits.enquiry}::int when 'assessment' then ${limits.assessment}::int
         when 'placement' then ${limits.placement}::int else ${limits.aftercare}::int end)))`;
}
