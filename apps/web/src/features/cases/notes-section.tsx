import { addNoteSchema } from '@harbour/shared/case-record';
import { formatDateTime } from '@harbour/shared/format';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { CheckboxField } from '../../components/ui/checkbox-field';
import { FormActions } from '../../components/ui/form-panel';
import { TextAreaField } from '../../components/ui/text-area-field';
import { useServerErrors, useZodForm } from '../../lib/form';
import { messageOf, useTRPC, type RouterOutputs } from '../../lib/trpc';

type CaseRecord = RouterOutputs['cases']['byReference'];

/** Every note, pinned first; a note is added, pinned or unpinned, never edited. */
export function NotesSection({ record }: { record: CaseRecord }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(addNoteSchema, { id: record.id, body: '', isPinned: false });
  const { failure, onServerError, submitWith } = useServerErrors(form);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
  const add = useMutation(
    trpc.cases.addNote.mutationOptions({
      onSuccess: async () => {
        form.reset({ id: record.id, body: '', isPinned: false });
        await refresh();
      },
      onError: onServerError,
    }),
  );
  const pin = useMutation(trpc.cases.pinNote.mutationOptions({ onSuccess: refresh }));

  return (
    <section className="panel case-section" id="notes" aria-labelledby="notes-heading">
      <h2 id="notes-heading">Notes</h2>
      <form noValidate aria-label="Add a note" onSubmit={submitWith((values) => add.mutate(values))}>
        {failure && <Alert tone="error">{failure}</Alert>}
        {pin.isError && <Alert tone="error">{messageOf(pin.error)}</Alert>}
        <TextAreaField label="Add a note" hint="Notes cannot be edited once added; they appear on the timeline." error={form.formState.errors.body?.message} {...form.register('body')} />
        <CheckboxField label="Pin this note to the top of the case" {...form.register('isPinned')} />
        <FormActions submitLabel="Add note" busyLabel="Adding…" isBusy={add.isPending} />
      </form>
      {record.notes.length === 0 ? (
        <p className="muted">No notes yet.</p>
      ) : (
        <ul className="note-list" aria-label="Notes, pinned first">
          {record.notes.map((note) => (
            <li key={note.id} className={note.isPinned ? 'note note--pinned' : 'note'}>
              <p className="message">{note.body}</p>
              <p className="muted">
                {note.isPinned && <strong>Pinned · </strong>}
                {note.authorName}, {formatDateTime(note.createdAt)} ·{' '}
                {/* The visible words start the button's name, so a voice user can say what they see. */}
                <Button variant="link" onClick={() => pin.mutate({ noteId: note.id, isPinned: !note.isPinned })}>
                  {note.isPinned ? 'Unpin' : 'Pin to the top'}
                  <span className="visually-hidden">
                    : the note by {note.authorName} of {formatDateTime(note.createdAt)}
                  </span>
                </Button>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** At the top of the case: what everyone must know before they ring this person. */
export function PinnedNotes({ notes }: { notes: CaseRecord['notes'] }) {
  const pinned = notes.filter((note) => note.isPinned);
  if (pinned.length === 0) return null;
  return (
    <section className="pinned-notes" aria-label="Pinned notes">
      <ul>
        {pinned.map((note) => (
          <li key={note.id}>
            <span className="pinned-notes__label">Pinned:</span> {note.body}{' '}
            <span className="muted">
              ({note.authorName}, {formatDateTime(note.createdAt)})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
