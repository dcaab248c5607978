// The note of one session: a template (SOAP, DAP, free) and its fields, saved as the therapist types ("Saving…",
// "Saved"); signing locks it (after confirming), and from then on it reads as text with dated addenda below.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Appointment, NoteTemplate, SessionNote } from '@shared/api-types';
import { meetingsApi } from '../../../api/meetings';
import { notesApi } from '../../../api/records';
import { useSession } from '../../../api/useSession';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { TextArea } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { QueryView } from '../../../components/States';
import { useAction } from '../../../components/useAction';
import { auditKeys } from '../../../features/audit/query-keys';
import { clientKeys } from '../../../features/clients/query-keys';
import { noteKeys } from '../../../features/notes/query-keys';
import { useAutosave, type SaveState } from '../../../features/notes/use-autosave';
import { useNote } from '../../../features/notes/use-note';
import { templateOf, TEMPLATES } from '../../../features/notes/templates';
import { appointmentKeys } from '../../../features/sessions/query-keys';
import { onSubmit } from '../../../lib/forms';
import { clientName, formatDateTime } from '../../../lib/practice-time';
import { usePracticeZone } from '../practice-zone';

const SAVE_LABELS: Record<SaveState, string> = {
  idle: '',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  saved: 'Saved',
  failed: 'Not saved',
};

function useByWhom() {
  const me = useSession()?.user.id;
  return (id: string | null) => (id && id === me ? 'you' : 'another staff member');
}

function NoteWriter({ session, note }: { session: Appointment; note: SessionNote | null }) {
  const [template, setTemplate] = useState<NoteTemplate>(note?.template ?? 'soap');
  const [values, setValues] = useState<Record<string, string>>(note?.fields ?? {});
  const [confirming, setConfirming] = useState(false);
  const autosave = useAutosave(session.id);
  const fields = templateOf(template).fields;
  const content = (nextTemplate: NoteTemplate, nextValues: Record<string, string>) => ({
    template: nextTemplate,
    // The server accepts only the template's own fields; what was typed for the others stays here for switching back.
    fields: Object.fromEntries(templateOf(nextTemplate).fields.map(({ name }) => [name, nextValues[name] ?? ''])),
  });
  const sign = useAction({
    run: async () => {
      await autosave.flush();
      return notesApi.sign(session.id);
    },
    done: () => 'The note is signed and locked.',
    stores: () => noteKeys.note(session.id),
    invalidates: [clientKeys.all, auditKeys.all],
    after: () => setConfirming(false),
  });
  const written = fields.some(({ name }) => (values[name] ?? '').trim() !== '');
  return (
    <div className="card stack">
      <div className="note-toolbar">
        <div className="segmented" role="group" aria-label="Template">
          {TEMPLATES.map((option) => (
            <button
              key={option.value}
              type="button"
              aria-pressed={template === option.value}
              onClick={() => {
                setTemplate(option.value);
                autosave.change(content(option.value, values));
              }}
            >
              {option.label}
            </button>
          ))}
        </div>
        <p className={`save-state save-${autosave.state}`} role="status" aria-live="polite">
          {SAVE_LABELS[autosave.state]}
        </p>
      </div>
      {fields.map(({ name, label }) => (
        <TextArea
          key={`${template}-${name}`}
          label={label}
          name={name}
          rows={name === 'text' ? 12 : 4}
          value={values[name] ?? ''}
          onChange={(event) => {
            const next = { ...values, [name]: event.target.value };
            setValues(next);
            autosave.change(content(template, next));
          }}
        />
      ))}
      {autosave.state === 'failed' && <FormError error={autosave.error} />}
      <div className="actions-row">
        <button type="button" className="button primary" disabled={!written || sign.isPending} onClick={() => setConfirming(true)}>
          Sign…
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Sign this note?"
        confirmLabel="Sign and lock"
        busyLabel="Signing…"
        busy={sign.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => sign.mutate()}
      >
        <p>Signing locks the note: it can no longer be changed. Later corrections are added as dated addenda.</p>
      </ConfirmDialog>
    </div>
  );
}

function SignedNote({ session, note, zone }: { session: Appointment; note: SessionNote; zone: string }) {
  const byWhom = useByWhom();
  const [text, setText] = useState('');
  const add = useAction({
    run: () => notesApi.addAddendum(session.id, text),
    done: () => 'Addendum added.',
    stores: () => noteKeys.note(session.id),
    invalidates: [auditKeys.all],
    after: () => setText(''),
    errorsInForm: true,
  });
  return (
    <div className="stack">
      <div className="card stack">
        <p className="signed-line">
          <span className="badge badge-active">Signed</span> {formatDateTime(note.signed_at!, zone)} by {byWhom(note.signed_by)} ·{' '}
          {templateOf(note.template).label}
        </p>
        <dl className="note-text">
          {templateOf(note.template).fields.map(({ name, label }) => (
            <div key={name}>
              <dt>{label}</dt>
              <dd className="reason">{note.fields[name] || '—'}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="card stack">
        <h2>Addenda</h2>
        {note.addenda.length === 0 ? (
          <p className="muted small">None yet.</p>
        ) : (
          <ol className="plain addenda">
            {note.addenda.map((addendum) => (
              <li key={addendum.id}>
                <p className="muted small">
                  {formatDateTime(addendum.created_at, zone)} · {byWhom(addendum.author)}
                </p>
                <p className="reason">{addendum.text}</p>
              </li>
            ))}
          </ol>
        )}
        <form className="stack" onSubmit={onSubmit(() => add.mutate())} noValidate>
          <TextArea
            label="New addendum"
            name="text"
            rows={3}
            maxLength={5000}
            value={text}
            onChange={(event) => setText(event.target.value)}
            error={add.error}
          />
          <FormError error={add.error} fields={['text']} />
          <div>
            <button type="submit" className="button secondary" disabled={add.isPending || text.trim() === ''}>
              {add.isPending ? 'Adding…' : 'Add addendum'}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}

export function NoteEditorPage() {
  const { appointmentId = '' } = useParams();
  const zone = usePracticeZone();
  const session = useQuery({ queryKey: appointmentKeys.detail(appointmentId), queryFn: () => meetingsApi.appointment(appointmentId) });
  const note = useNote(appointmentId);
  return (
    <section aria-labelledby="note-title" className="stack">
      <QueryView query={session}>
        {(data) => (
          <>
            <p className="small">
              <Link to={`/admin/clients/${data.user}`}>← {clientName(data)}</Link>
            </p>
            <h1 id="note-title">Session note</h1>
            <p className="muted">
              {clientName(data)} · {data.scheduled_datetime ? formatDateTime(data.scheduled_datetime, zone) : 'not scheduled'}
              {data.scheduled_duration ? ` · ${data.scheduled_duration} minutes` : ''}
            </p>
            <QueryView query={note}>
              {(current) =>
                current?.signed_at ? <SignedNote session={data} note={current} zone={zone} /> : <NoteWriter session={data} note={current} />
              }
            </QueryView>
          </>
        )}
      </QueryView>
    </section>
  );
}
