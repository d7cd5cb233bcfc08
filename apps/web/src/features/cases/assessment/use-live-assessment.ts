import {
  assessmentGaps,
  auditBandLabels,
  auditQuestions,
  auditScoreOf,
  criteria,
  includesAlcohol,
  isDualDiagnosis,
  isRiskKnown,
  riskLevelOf,
  severityBandLabels,
  severityOf,
} from '@harbour/shared/assessment';
import { useWatch } from 'react-hook-form';
import { isBlankCondition, isBlankSubstance, type AssessmentForm } from './assessment-values';

export type AssessmentControl = AssessmentForm['control'];

/** The substance rows the adviser has started to fill in. */
export function useFilledSubstances(control: AssessmentControl) {
  const rows = useWatch({ control, name: 'substances' });
  return rows.filter((row) => !isBlankSubstance(row));
}

export function useLiveSeverity(control: AssessmentControl) {
  return severityOf(useWatch({ control, name: 'criteria' }));
}

export function useLiveAudit(control: AssessmentControl) {
  return auditScoreOf(useWatch({ control, name: 'audit' }));
}

export function useLiveDualDiagnosis(control: AssessmentControl) {
  return isDualDiagnosis(useWatch({ control, name: 'conditions' }).filter((row) => !isBlankCondition(row)));
}

/** Everything the summary shows, as the adviser answers. */
export function useLiveAssessment(control: AssessmentControl) {
  const substances = useFilledSubstances(control);
  const criteriaAnswers = useWatch({ control, name: 'criteria' });
  const risk = useWatch({ control, name: 'risk' });
  return {
    severity: severityOf(criteriaAnswers),
    audit: useLiveAudit(control),
    hasAlcohol: includesAlcohol(substances),
    risk: riskLevelOf(risk, substances),
    isRiskKnown: isRiskKnown(risk, substances),
    isDualDiagnosis: useLiveDualDiagnosis(control),
    gaps: assessmentGaps({ substances, criteria: criteriaAnswers, risk }),
  };
}

export function severityText({ criteriaMet, answered, band, isComplete }: ReturnType<typeof severityOf>): string {
  if (answered === 0) return `None of the ${criteria.length} questions answered yet`;
  return `${criteriaMet} of ${criteria.length} met${isComplete ? '' : ' so far'}: ${severityBandLabels[band]}`;
}

export function auditText({ score, answered, band, isComplete }: ReturnType<typeof auditScoreOf>): string {
  if (answered === 0) return `None of the ${auditQuestions.length} questions answered yet`;
  const progress = isComplete ? '' : ` (${answered} of ${auditQuestions.length} answered)`;
  return `Score ${score} of 40${isComplete ? '' : ' so far'}: ${auditBandLabels[band]}${progress}`;
}
