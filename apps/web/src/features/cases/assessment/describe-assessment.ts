import {
  auditQuestions,
  conditionOptions,
  conditionStatusOptions,
  criteria,
  frequencyOptions,
  includesAlcohol,
  riskFactorLabels,
  routeOptions,
  suicidalThoughtsOptions,
  treatmentEndingOptions,
  type RiskScreenAnswers,
} from '@harbour/shared/assessment';
import { substanceLabel } from '@harbour/shared/substances';
import { toUkDate } from '@harbour/shared/uk-date';
import { differingLines, type UnsavedLine } from '../../../components/ui/section-conflict';
import { isBlankCondition, isBlankSubstance, isBlankTreatment, type AssessmentAnswers } from './assessment-values';

const labelOf = (options: ReadonlyArray<{ value: string; label: string }>, value: string | null | undefined) =>
  options.find((option) => option.value === value)?.label;

const yesNo = (value: boolean | null | undefined) => (value === true ? 'Yes' : value === false ? 'No' : undefined);

const present = (parts: ReadonlyArray<string | false | null | undefined>) => parts.filter((part): part is string => Boolean(part));

function substanceLines(rows: AssessmentAnswers['substances']): UnsavedLine[] {
  const filled = rows.filter((row) => !isBlankSubstance(row));
  const names = filled.map((row) => (row.substance ? substanceLabel(row.substance) : 'Substance not chosen'));
  const listed = filled.map((row, index) => `${names[index]}${row.isPrimary ? ' (primary)' : ''}`);
  const details = filled.flatMap((row, index) => {
    const parts = present([
      labelOf(routeOptions, row.route),
      labelOf(frequencyOptions, row.frequency),
      row.amount?.trim(),
      typeof row.yearsOfUse === 'number' && `${row.yearsOfUse} ${row.yearsOfUse === 1 ? 'year' : 'years'}`,
      row.lastUse && `last used ${toUkDate(row.lastUse)}`,
    ]);
    // Labels are how lines are matched, so a substance listed twice is told apart by its row.
    const isRepeated = names.indexOf(names[index]!) !== index;
    return parts.length ? [{ label: isRepeated ? `${names[index]} (row ${index + 1})` : names[index]!, value: parts.join(', ') }] : [];
  });
  return [{ label: 'Substances', value: listed.length ? listed.join(', ') : 'None' }, ...details];
}

function conditionLine(rows: AssessmentAnswers['conditions']): UnsavedLine {
  const described = rows
    .filter((row) => !isBlankCondition(row))
    .map((row) => {
      const treated = row.isCurrentlyTreated === true ? 'treated now' : row.isCurrentlyTreated === false ? 'not treated now' : undefined;
      const about = present([labelOf(conditionStatusOptions, row.status)?.toLowerCase(), treated]);
      return `${labelOf(conditionOptions, row.condition) ?? 'Condition not chosen'}${about.length ? ` (${about.join(', ')})` : ''}`;
    });
  return { label: 'Co-occurring conditions', value: described.length ? described.join('; ') : 'None' };
}

function riskLines(risk: RiskScreenAnswers): UnsavedLine[] {
  return (Object.keys(riskFactorLabels) as Array<keyof RiskScreenAnswers>).flatMap((factor) => {
    const value = factor === 'suicidalThoughts' ? labelOf(suicidalThoughtsOptions, risk.suicidalThoughts) : yesNo(risk[factor]);
    return value ? [{ label: riskFactorLabels[factor], value }] : [];
  });
}

function treatmentLine(rows: AssessmentAnswers['previousTreatments']): UnsavedLine {
  const described = rows
    .filter((row) => !isBlankTreatment(row))
    .map((row) =>
      present([row.where.trim() || 'Place not given', typeof row.year === 'number' && String(row.year), labelOf(treatmentEndingOptions, row.howItEnded)?.toLowerCase()]).join(', '),
    );
  return { label: 'Previous treatment', value: described.length ? described.join('; ') : 'None' };
}

/**
 * The answers in words, one labelled line each ("Cravings: Yes"), in the order the form asks
 * them. Questions not answered yet have no line; empty lists say "None".
 */
export function describeAssessment(answers: AssessmentAnswers): UnsavedLine[] {
  const criteriaLines = criteria.flatMap((criterion) => {
    const value = yesNo(answers.criteria[criterion.id]);
    return value ? [{ label: criterion.label, value }] : [];
  });
  // Without alcohol the AUDIT is not asked, and answers left from earlier are not saved.
  const auditLines = includesAlcohol(answers.substances)
    ? auditQuestions.flatMap((question) => {
        const option = question.options.find((candidate) => candidate.score === answers.audit[question.id]);
        return option ? [{ label: question.label, value: option.label }] : [];
      })
    : [];
  return [
    ...substanceLines(answers.substances),
    ...criteriaLines,
    ...auditLines,
    conditionLine(answers.conditions),
    ...riskLines(answers.risk),
    treatmentLine(answers.previousTreatments),
  ];
}

const inWords = (answers: AssessmentAnswers) => describeAssessment(answers).map((line) => `${line.label}: ${line.value}`);

/** Whether two sets of answers say the same thing, however each was typed or stored. */
export function isSameAnswers(a: AssessmentAnswers, b: AssessmentAnswers): boolean {
  return inWords(a).join('\n') === inWords(b).join('\n');
}

/**
 * This adviser's answers that the saved version does not have. Given `base`, the answers they
 * started from, lines they did not change are left out: those differ because a colleague
 * changed them, and re-entering them would undo that colleague's work.
 */
export function unsavedAnswers(mine: AssessmentAnswers, saved: AssessmentAnswers, base?: AssessmentAnswers): UnsavedLine[] {
  return differingLines(describeAssessment(mine), describeAssessment(saved), base ? describeAssessment(base) : []);
}
