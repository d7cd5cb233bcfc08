import { assessmentSchema } from '@harbour/shared/assessment';
import { formatWhen } from '@harbour/shared/format';
import { useCallback, useEffect, useRef } from 'react';
import { useWatch } from 'react-hook-form';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useZodForm } from '../../../lib/form';
import { SectionConflict } from '../../../components/ui/section-conflict';
import { answersOf, formValuesOf, type AssessmentAnswers, type AssessmentRecord } from './assessment-values';
import { AssessmentSummary } from './assessment-summary';
import { AuditQuestions } from './audit-questions';
import { ConditionRows } from './condition-rows';
import { isSameAnswers } from './describe-assessment';
import { DraftOffer } from './draft-offer';
import { assessmentDraftKey } from './drafts';
import { PreviousTreatments } from './previous-treatments';
import { RiskScreen, type LiveRisk } from './risk-screen';
import { SeverityQuestions } from './severity-questions';
import { SubstanceRows } from './substance-rows';
import { useAssessmentDraft } from './use-assessment-draft';
import { useSaveAssessment } from './use-save-assessment';
import { isSaveShortcut } from '../../../lib/save-shortcut';

export interface AssessmentFormProps {
  record: AssessmentRecord;
  userId: string;
  onLiveRisk: (risk: LiveRisk) => void;
  onSaved?: () => void;
}

export function AssessmentForm({ record, userId, onLiveRisk, onSaved }: AssessmentFormProps) {
  const form = useZodForm(assessmentSchema, formValuesOf(record.id, record.assessmentVersion, record.assessment));
  const isEditable = record.canChange;
  // The answers the form was last loaded or saved with: what "unsaved" is measured against.
  const baseAnswers = useRef(answersOf(record.assessment));
  const getBase = useCallback(() => baseAnswers.current, []);
  const setBase = useCallback((answers: AssessmentAnswers) => {
    baseAnswers.current = answers;
  }, []);

  const draft = useAssessmentDraft({
    form,
    key: assessmentDraftKey(userId, record.id),
    savedAnswers: answersOf(record.assessment),
    baseAnswers: getBase,
    isEnabled: isEditable,
  });
  const saving = useSaveAssessment({ form, reference: record.reference, base: { get: getBase, set: setBase }, clearDraft: draft.clear, onSaved });

  // A newer version arriving (a colleague's save, seen on refetch) replaces answers nobody
  // here has touched; over edits it waits, and saving them is a conflict that shows both.
  useEffect(() => {
    if (record.assessmentVersion <= form.getValues('version')) return;
    if (!isSameAnswers(answersOf(form.getValues()), baseAnswers.current)) return;
    baseAnswers.current = answersOf(record.assessment);
    form.reset(formValuesOf(record.id, record.assessmentVersion, record.assessment));
  }, [form, record.id, record.assessment, record.assessmentVersion]);

  // The conflict, then the answers to re-enter, appear beside the form: take the adviser there.
  const conflictBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (saving.conflict || saving.unsaved) conflictBox.current?.focus();
  }, [saving.conflict, saving.unsaved]);

  const version = useWatch({ control: form.control, name: 'version' });

  return (
    <form
      className="assessment__layout"
      aria-labelledby="assessment-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        saving.save();
      }}
      onKeyDown={(event) => {
        if (!isEditable || !isSaveShortcut(event)) return;
        event.preventDefault();
        saving.save();
      }}
    >
      <div className="assessment__main">
        {draft.offer && (
          <DraftOffer savedAt={draft.offer.savedAt} isOutdated={draft.offer.baseVersion !== version} onRestore={draft.restore} onDiscard={draft.discard} />
        )}
        <fieldset className="assessment__fields" disabled={!isEditable}>
          <legend className="visually-hidden">Assessment answers</legend>
          <SubstanceRows form={form} />
          <SeverityQuestions control={form.control} />
          <AuditQuestions control={form.control} />
          <ConditionRows form={form} />
          <RiskScreen control={form.control} onLiveRisk={onLiveRisk} />
          <PreviousTreatments form={form} />
        </fieldset>
      </div>
      <AssessmentSummary control={form.control}>
        {isEditable && (
          <div className="assessment-summary__actions">
            <div ref={conflictBox} tabIndex={-1} className="assessment-summary__conflict">
              <SectionConflict
                message={saving.conflict}
                unsaved={saving.unsaved}
                isReloading={saving.isReloading}
                onReload={() => void saving.reloadTheirs()}
              />
            </div>
            {saving.failure && <Alert tone="error">{saving.failure}</Alert>}
            {saving.outage && (
              <Alert tone="error" title="Not saved yet">
                {saving.outage} Your answers are kept on this computer and will be saved as soon as Harbour can be reached; you can
                also press Save again.
              </Alert>
            )}
            <Button type="submit" isBusy={saving.isSaving} aria-keyshortcuts="Control+S Meta+S">
              {saving.isSaving ? 'Saving…' : 'Save assessment'}
            </Button>
            <p className="assessment-summary__saved" role="status">
              {saving.unsaved?.length === 0
                ? 'Their version is loaded. It already says everything you had typed.'
                : saving.savedAt
                  ? `Saved at ${formatWhen(saving.savedAt, saving.savedAt)}`
                  : 'Ctrl+S saves from anywhere in the form.'}
            </p>
          </div>
        )}
      </AssessmentSummary>
    </form>
  );
}
