import type { AssessmentInput } from '@harbour/shared/assessment';
import { describe, expect, it } from 'vitest';
import { countRows } from '../../test/callbacks';
import { assessmentInput, caseRow, openCase, withSuicidalThoughts } from '../../test/cases';
import { callerFor, createUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-database';
import { rejectionOf } from '../../test/trpc-errors';

const db = useTestDatabase();

describe('cases.updateAssessment and consent to health information', () => {
  it('is refused until the client agrees to us keeping health information, then saves', async () => {
    const adviser = await createUser(db());
    const { id } = await openCase(db(), adviser, { consentToHealthData: false });
    const caller = callerFor(db(), adviser);

    const refused = await rejectionOf(caller.cases.updateAssessment(assessmentInput(id, 1)));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', message: "Record the client's consent to us keeping health information before saving the assessment" });
    expect((await caseRow(db(), id)).assessment).toBeNull();

    await caller.cases.recordHealthDataConsent({ id, version: 1, given: true });
    await caller.cases.updateAssessment(assessmentInput(id, 1));

    expect(await caseRow(db(), id)).toMatchObject({ consent_to_health_data: true, assessment_complete: true, contact_version: 2, assessment_version: 2 });
  });

  it('will not take consent back once an assessment is held: that is erasure', async () => {
    const adviser = await createUser(db());
    const { id } = await openCase(db(), adviser);
    const caller = callerFor(db(), adviser);
    await caller.cases.updateAssessment(assessmentInput(id, 1));

    const refused = await rejectionOf(caller.cases.recordHealthDataConsent({ id, version: 1, given: false }));

    expect(refused).toMatchObject({ code: 'BAD_REQUEST', message: 'This case already holds an assessment: withdrawing consent means erasing it, which a manager does' });
    expect((await caseRow(db(), id)).consent_to_health_data).toBe(true);
  });
});

describe('cases.updateAssessment stores the figures lists and matching read', () => {
  it.each<[string, (id: string) => AssessmentInput, Record<string, unknown>]>([
    [
      'a complete assessment',
      (id) => assessmentInput(id, 1),
      { primary_substance: 'heroin', criteria_met: 11, severity: 'severe', risk_level: 'medium', is_dual_diagnosis: false, assessment_complete: true, audit_score: null },
    ],
    [
      'an assessment just begun',
      (id) => assessmentInput(id, 1, { substances: [], criteria: {}, risk: {} }),
      { primary_substance: null, criteria_met: 0, severity: null, risk_level: null, assessment_complete: false, substances: ['heroin'] },
    ],
    [
      'daily drinking with a condition and AUDIT answers',
      (id) =>
        assessmentInput(id, 1, {
          substances: [
            { substance: 'alcohol', isPrimary: true, frequency: 'daily' },
            { substance: 'cocaine', isPrimary: false },
          ],
          audit: { drinking_frequency: 4, typical_units: 4 },
          conditions: [{ condition: 'depression', status: 'suspected' }],
        }),
      // Heroin, mentioned when the case was opened, stays among the substances.
      { primary_substance: 'alcohol', risk_level: 'high', is_dual_diagnosis: true, audit_score: 8, substances: ['alcohol', 'cocaine', 'heroin'] },
    ],
  ])('%s', async (_what, assessment, stored) => {
    const adviser = await createUser(db());
    const { id } = await openCase(db(), adviser);

    await callerFor(db(), adviser).cases.updateAssessment(assessment(id));

    expect(await caseRow(db(), id)).toMatchObject(stored);
  });

  it('returns the new version and the summary, for the page to show at once', async () => {
    const adviser = await createUser(db());
    const { id } = await openCase(db(), adviser);

    const saved = await callerFor(db(), adviser).cases.updateAssessment(assessmentInput(id, 1));

    expect(saved).toEqual({
      version: 2,
      primarySubstance: 'heroin',
      criteriaMet: 11,
      severity: 'severe',
      riskLevel: 'medium',
      auditScore: null,
      isDualDiagnosis: false,
      isComplete: true,
    });
  });
});

describe('an assessment that finds immediate risk opens the crisis protocol', () => {
  it('raises exactly one open crisis, however often it is saved', async () => {
    const adviser = await createUser(db(), { fullName: 'Amira Shah' });
    const { id, reference } = await openCase(db(), adviser);
    const caller = callerFor(db(), adviser);

    await caller.cases.updateAssessment(withSuicidalThoughts(id, 1, 'active_with_plan'));
    await caller.cases.updateAssessment(withSuicidalThoughts(id, 2, 'active_with_plan'));

    expect(await countRows(db(), 'case_crises')).toBe(1);
    expect((await caseRow(db(), id)).risk_level).toBe('immediate');
    expect((await caller.cases.byReference({ reference })).openCrisis).toMatchObject({ raisedByName: 'Amira Shah' });
  });

  it.each(['none', 'passive'] as const)('raises none for thoughts of suicide answered "%s"', async (answer) => {
    const adviser = await createUser(db());
    const { id } = await openCase(db(), adviser);

    await callerFor(db(), adviser).cases.updateAssessment(withSuicidalThoughts(id, 1, answer));

    expect(await countRows(db(), 'case_crises')).toBe(0);
  });
});
