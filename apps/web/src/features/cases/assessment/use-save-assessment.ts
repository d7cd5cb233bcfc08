import { includesAlcohol } from '@harbour/shared/assessment';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useServerErrors } from '../../../lib/form';
import { errorCodeOf, isOutage, messageOf, useTRPC } from '../../../lib/trpc';
import type { UnsavedLine } from '../../../components/ui/section-conflict';
import { answersOf, formValuesOf, isBlankCondition, isBlankSubstance, isBlankTreatment, type AssessmentAnswers, type AssessmentForm } from './assessment-values';
import { unsavedAnswers } from './describe-assessment';

interface SaveOptions {
  form: AssessmentForm;
  reference: string;
  /** The answers the form was loaded or last saved with. */
  base: { get: () => AssessmentAnswers; set: (answers: AssessmentAnswers) => void };
  clearDraft: () => void;
  onSaved?: () => void;
}

// Rows added and never filled in are not answers: saving early in a call must not be held up
// by the empty substance row every new assessment starts with.
function dropBlankRows(form: AssessmentForm) {
  const { substances, conditions, previousTreatments } = form.getValues();
  const filled = substances.filter((row) => !isBlankSubstance(row));
  if (filled.length < substances.length) {
    const [only] = filled;
    form.setValue('substances', filled.length === 1 && only ? [{ ...only, isPrimary: true }] : filled);
  }
  if (conditions.some(isBlankCondition)) form.setValue('conditions', conditions.filter((row) => !isBlankCondition(row)));
  if (previousTreatments.some(isBlankTreatment)) form.setValue('previousTreatments', previousTreatments.filter((row) => !isBlankTreatment(row)));
}

// While Harbour cannot be reached the save is tried again on its own, more slowly each time.
const OUTAGE_RETRY_DELAYS_MS = [3_000, 6_000, 12_000, 30_000];

/**
 * Saves the assessment with the version it was read at. A conflict keeps what was typed; after
 * "Reload their version" the form shows the saved answers and `unsaved` lists, in words, the
 * answers of this adviser's that the saved version lacks.
 */
export function useSaveAssessment({ form, reference, base, clearDraft, onSaved }: SaveOptions) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { failure, onServerError, submitWith } = useServerErrors(form);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [unsaved, setUnsaved] = useState<UnsavedLine[] | null>(null);
  const [isReloading, setIsReloading] = useState(false);
  // Set while a save failed because Harbour or its database could not be reached: the answers
  // stay on screen and in the draft (cleared only by a save the server confirmed), and the
  // save is sent again, with the version it was typed over, so a colleague's change made in
  // the meantime is still a conflict, never overwritten.
  const [outage, setOutage] = useState<{ message: string; attempt: number } | null>(null);

  const mutation = useMutation(
    trpc.cases.updateAssessment.mutationOptions({
      onSuccess: async (result, sent) => {
        base.set(answersOf(sent));
        form.setValue('version', result.version);
        clearDraft();
        setOutage(null);
        setSavedAt(new Date());
        setUnsaved(null);
        onSaved?.();
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.cases.byReference.queryKey({ reference }) }),
          queryClient.invalidateQueries({ queryKey: trpc.cases.timeline.queryKey({ id: sent.id }) }),
        ]);
      },
      onError: (error) => {
        if (isOutage(error)) {
          setOutage((current) => ({ message: messageOf(error), attempt: (current?.attempt ?? 0) + 1 }));
          return;
        }
        setOutage(null);
        if (errorCodeOf(error) === 'CONFLICT') setConflict(messageOf(error));
        else onServerError(error);
      },
    }),
  );

  const submit = submitWith((values) => {
    setConflict(null);
    // The AUDIT is about alcohol: answers left from a removed alcohol row are not kept.
    mutation.mutate({ ...values, audit: includesAlcohol(values.substances) ? values.audit : {} });
  });

  const save = () => {
    if (mutation.isPending) return;
    dropBlankRows(form);
    void submit();
  };

  const isSaving = mutation.isPending;
  const attempt = outage?.attempt ?? 0;
  useEffect(() => {
    if (attempt === 0 || isSaving) return;
    const timer = setTimeout(save, OUTAGE_RETRY_DELAYS_MS[Math.min(attempt, OUTAGE_RETRY_DELAYS_MS.length) - 1]);
    window.addEventListener('online', save);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('online', save);
    };
    // save reads the form as it is when the timer fires; restarting the timer on every render would never fire it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt, isSaving]);

  return {
    failure,
    /** Why the last save did not reach Harbour; it is being tried again. */
    outage: outage?.message ?? null,
    conflict,
    savedAt,
    unsaved,
    isSaving,
    isReloading,
    save,
    async reloadTheirs() {
      const mine = answersOf(form.getValues());
      setIsReloading(true);
      try {
        const fresh = await queryClient.fetchQuery({ ...trpc.cases.byReference.queryOptions({ reference }), staleTime: 0 });
        const theirs = answersOf(fresh.assessment);
        setUnsaved(unsavedAnswers(mine, theirs, base.get()));
        base.set(theirs);
        form.reset(formValuesOf(fresh.id, fresh.assessmentVersion, fresh.assessment));
        setConflict(null);
      } catch (error) {
        onServerError(error);
      } finally {
        setIsReloading(false);
      }
    },
  };
}
