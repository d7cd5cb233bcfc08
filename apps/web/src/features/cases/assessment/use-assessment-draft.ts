import { useEffect, useState } from 'react';
import { answersOf, formValuesOf, type AssessmentAnswers, type AssessmentForm } from './assessment-values';
import { isSameAnswers } from './describe-assessment';
import { draftGeneration, readDraft, removeDraft, writeDraft, type Draft } from './drafts';

const WRITE_DELAY_MS = 500;

interface DraftOptions {
  form: AssessmentForm;
  key: string;
  /** The saved answers when the form opened: a draft that says the same is not offered. */
  savedAnswers: AssessmentAnswers;
  /** The answers the form was last loaded or saved with; read only when writing. */
  baseAnswers: () => AssessmentAnswers;
  isEnabled: boolean;
}

/**
 * Keeps what the adviser types in a draft, half a second after they stop, and offers a draft
 * left from before (a reload, a crash) until they restore or discard it.
 */
export function useAssessmentDraft({ form, key, savedAnswers, baseAnswers, isEnabled }: DraftOptions) {
  const [offer, setOffer] = useState<Draft<AssessmentAnswers> | null>(() => {
    const draft = isEnabled ? readDraft<AssessmentAnswers>(key) : null;
    return draft && !isSameAnswers(draft.answers, savedAnswers) ? draft : null;
  });
  const isOfferOpen = offer !== null;

  useEffect(() => {
    // While a draft is on offer, writing would overwrite it with the saved answers.
    if (!isEnabled || isOfferOpen) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const generation = draftGeneration();
    const write = () => {
      timer = undefined;
      if (draftGeneration() !== generation) return;
      const values = form.getValues();
      const answers = answersOf(values);
      if (isSameAnswers(answers, baseAnswers())) removeDraft(key);
      else writeDraft(key, { baseVersion: values.version, savedAt: new Date(), answers });
    };
    const flush = () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      write();
    };
    write();
    const subscription = form.watch(() => {
      clearTimeout(timer);
      timer = setTimeout(write, WRITE_DELAY_MS);
    });
    window.addEventListener('pagehide', flush);
    return () => {
      subscription.unsubscribe();
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [form, key, baseAnswers, isEnabled, isOfferOpen]);

  return {
    offer,
    restore() {
      if (!offer) return;
      const { id } = form.getValues();
      // The draft keeps the version it was typed over, so saving it over a later change is a
      // conflict that shows both, never a silent overwrite.
      form.reset(formValuesOf(id, offer.baseVersion, offer.answers), { keepDefaultValues: true });
      setOffer(null);
    },
    discard() {
      removeDraft(key);
      setOffer(null);
    },
    clear: () => removeDraft(key),
  };
}
