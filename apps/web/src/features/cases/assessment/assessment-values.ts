import type { Assessment, AssessmentInput, SubstanceUseInput } from '@harbour/shared/assessment';
import type { UseFormReturn } from 'react-hook-form';
import type { RouterOutputs } from '../../../lib/trpc';

type CaseRecord = RouterOutputs['cases']['byReference'];

/** The parts of a case the assessment section reads. */
export type AssessmentRecord = Pick<CaseRecord, 'id' | 'reference' | 'assessment' | 'assessmentVersion' | 'consentToHealthData' | 'canChange'>;

export type StoredAssessment = CaseRecord['assessment'];

/** What the form holds: the answers, plus the case and the version they were read at. */
export type AssessmentValues = AssessmentInput;

export type AssessmentForm = UseFormReturn<AssessmentValues, unknown, Assessment>;

/** The answers alone, as kept in a draft and compared between versions. */
export type AssessmentAnswers = Omit<AssessmentValues, 'id' | 'version'>;

type ConditionRow = AssessmentValues['conditions'][number];
type TreatmentRow = AssessmentValues['previousTreatments'][number];

// A row the adviser has added but not yet filled in: the select starts on "Choose…".
export const blankSubstance = (isPrimary: boolean): SubstanceUseInput => ({ substance: '' as never, isPrimary });
export const blankCondition = (): ConditionRow => ({ condition: '' as never, status: undefined as never });
export const blankTreatment = (): TreatmentRow => ({ where: '' });

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

export const isBlankSubstance = (row: SubstanceUseInput) =>
  [row.substance, row.route, row.frequency, row.amount, row.yearsOfUse, row.lastUse].every(isEmpty);
export const isBlankCondition = (row: ConditionRow) => [row.condition, row.status, row.isCurrentlyTreated].every(isEmpty);
export const isBlankTreatment = (row: TreatmentRow) => [row.where, row.year, row.howItEnded].every(isEmpty);

/** The form's starting values for a case: the saved answers, or one empty substance row. */
export function formValuesOf(caseId: string, version: number, stored: StoredAssessment | AssessmentAnswers | null): AssessmentValues {
  // Optional chaining throughout: a draft written by an older version of Harbour may lack a list.
  const substances = stored?.substances?.length ? stored.substances : [blankSubstance(true)];
  return {
    id: caseId,
    version,
    substances: substances.map((row) => ({ ...row })),
    criteria: { ...stored?.criteria },
    audit: { ...stored?.audit },
    conditions: (stored?.conditions ?? []).map((row) => ({ ...row })),
    risk: { ...stored?.risk },
    previousTreatments: (stored?.previousTreatments ?? []).map((row) => ({ ...row })),
  };
}

export function answersOf(values: AssessmentValues | StoredAssessment | null): AssessmentAnswers {
  if (!values) return answersOf(formValuesOf('', 0, null));
  const { substances, criteria, audit, conditions, risk, previousTreatments } = values;
  return { substances, criteria, audit, conditions, risk, previousTreatments };
}

// Value converters for fields that may be left empty: an empty field is "not answered".
export const asOptional = (value: unknown) => (value === '' || value === null ? undefined : value);
export const asOptionalNumber = (value: unknown) => {
  if (typeof value === 'number') return value;
  const text = typeof value === 'string' ? value.trim() : '';
  return text === '' ? undefined : Number(text);
};
