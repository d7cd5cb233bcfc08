import { auditQuestions, criteria, type AuditAnswers, type CriteriaAnswers, type CriterionId } from '@harbour/shared/assessment';
import { riskScreenWithNothingFound } from '@harbour/shared/assessment-fixtures';

// ---- Small builders for the answers, so the table reads like what the caller said ----

/** Criteria met are yes, `unanswered` are not asked yet, every other one is no. */
export function criteriaOf(met: CriterionId[], unanswered: CriterionId[] = []): CriteriaAnswers {
  return Object.fromEntries(
    criteria.filter((item) => !unanswered.includes(item.id)).map((item) => [item.id, met.includes(item.id)]),
  ) as CriteriaAnswers;
}

/** AUDIT scores in question order; fewer than ten leaves the rest unanswered. */
export function auditOf(...scores: number[]): AuditAnswers {
  return Object.fromEntries(scores.map((score, index) => [auditQuestions[index]!.id, score])) as AuditAnswers;
}

export const noRisks = riskScreenWithNothingFound;

export const noAudit: AuditAnswers = {};

/** The first `count` criteria in the order they are asked. */
export const first = (count: number): CriterionId[] => criteria.slice(0, count).map((item) => item.id);
