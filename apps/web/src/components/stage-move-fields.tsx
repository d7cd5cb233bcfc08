import { caseStages, type CaseStage } from '@harbour/shared/cases';
import { closureReasons, type ClosureReason } from '@harbour/shared/stages';
import { SelectField } from './ui/select-field';
import { TextField } from './ui/text-field';

/** A stage move as it is being chosen: nothing chosen is ''. */
export interface StageMoveDraft {
  to: CaseStage | '';
  closureReason: ClosureReason | '';
  reason: string;
}

export const noStageMove: StageMoveDraft = { to: '', closureReason: '', reason: '' };

export type StageMoveErrors = Partial<Record<keyof StageMoveDraft, string>>;

/** Moving a case back a stage, or reopening a closed one: a team lead's call, always with a reason. */
export function isBackwardMove(from: CaseStage, to: CaseStage): boolean {
  return to !== 'closed' && (from === 'closed' || caseStages.indexOf(to) < caseStages.indexOf(from));
}

/** Whether moving to `to` asks for more than the stage: why it is closing, or why it goes back. */
export function asksForReason(from: CaseStage, to: CaseStage): boolean {
  return to === 'closed' || isBackwardMove(from, to);
}

/**
 * What the rules will ask for that the draft does not have yet, in the rules' own words
 * (packages/shared/src/stages.ts), so the person is told before anything is sent.
 */
export function missingFromMove(from: CaseStage, draft: StageMoveDraft): StageMoveErrors {
  const reason = draft.reason.trim();
  if (!draft.to) return { to: 'Choose a stage' };
  if (draft.to === 'closed') {
    if (!draft.closureReason) return { closureReason: 'Choose why the case is closing' };
    if (draft.closureReason === 'other' && !reason) return { reason: 'Describe why the case is closing' };
    return {};
  }
  if (isBackwardMove(from, draft.to) && !reason) {
    return { reason: from === 'closed' ? 'Give a reason for reopening the case' : 'Give a reason for moving the case back' };
  }
  return {};
}

/** The draft as cases.moveStage takes it, once a stage is chosen. */
export function stageMoveInput(draft: StageMoveDraft & { to: CaseStage }) {
  return { to: draft.to, closureReason: draft.closureReason || undefined, reason: draft.reason.trim() || undefined };
}

/**
 * The questions a move asks after the stage: why a case is closing, and the reason for closing
 * or moving back. Used on the case page and on the team lead's board, so both ask the same way.
 */
export function StageMoveDetails({
  from,
  draft,
  onChange,
  errors = {},
}: {
  from: CaseStage;
  draft: StageMoveDraft;
  onChange: (draft: StageMoveDraft) => void;
  errors?: StageMoveErrors;
}) {
  if (!draft.to || !asksForReason(from, draft.to)) return null;
  const isBackward = isBackwardMove(from, draft.to);
  return (
    <>
      {draft.to === 'closed' && (
        <SelectField
          label="Why is it closing?"
          placeholder="Choose a reason"
          value={draft.closureReason}
          error={errors.closureReason}
          onChange={(event) => onChange({ ...draft, closureReason: event.target.value as ClosureReason | '' })}
          // Only a case in aftercare can have completed it.
          options={closureReasons.filter((option) => option.value !== 'completed' || from === 'aftercare')}
        />
      )}
      <TextField
        label={isBackward ? 'Reason (required)' : draft.closureReason === 'other' ? 'Describe why (required)' : 'Reason (optional)'}
        value={draft.reason}
        error={errors.reason}
        maxLength={500}
        onChange={(event) => onChange({ ...draft, reason: event.target.value })}
      />
    </>
  );
}
