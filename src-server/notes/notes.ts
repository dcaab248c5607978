// Session notes: read, write until signed, sign (locks), addenda after signing. Staff only; every access is audited.
import type { Transaction } from 'sequelize';
import { Op } from 'sequelize';
import { recordAudit } from '../audit/audit-log.js';
import type { ServerCore } from '../core.js';
import type { NoteAddendumInstance } from '../db/models/note-addendum.js';
import type { NoteTemplate, SessionNoteInstance } from '../db/models/session-note.js';
import { Conflict, NotFound } from '../http/errors.js';
import type { Principal } from '../http/route-table.js';
import { sessionFacts } from '../meetings/client-sessions.js';

export interface NoteWithAddenda {
  note: SessionNoteInstance;
  addenda: NoteAddendumInstance[];
}

/** Only a session (scheduled, or cancelled after it was) has a note; requests do not. */
const STATUSES_WITH_NOTES = new Set(['scheduled', 'cancelled']);

/**
 * A note exists only for staff: for anyone else every note route is a 404, even for the session's own client,
 * so a client cannot learn whether a note was written.
 */
function staffOnly(caller: Principal): void {
  if (!caller.isStaff) throw new NotFound();
}

async function noteOf(core: ServerCore, appointmentId: string, transaction?: Transaction): Promise<SessionNoteInstance | null> {
  return core.db.models.SessionNote.findOne({ where: { appointment_id: appointmentId }, transaction });
}

async function addendaOf(core: ServerCore, noteId: string, transaction?: Transaction): Promise<NoteAddendumInstance[]> {
  return core.db.models.NoteAddendum.findAll({
    where: { note_id: noteId },
    order: [
      ['created_at', 'ASC'],
      ['id', 'ASC'],
    ],
    transaction,
  });
}

export async function readNote(core: ServerCore, caller: Principal, appointmentId: string): Promise<NoteWithAddenda> {
  staffOnly(caller);
  const note = await noteOf(core, appointmentId);
  if (!note) throw new NotFound();
  await core.db.write((transaction) =>
    recordAudit(core, transaction, { actor: caller.id, action: 'note.read', record_type: 'note', record_id: note.id }),
  );
  return { note, addenda: await addendaOf(core, note.id) };
}

export async function writeNote(
  core: ServerCore,
  caller: Principal,
  appointmentId: string,
  content: { template: NoteTemplate; fields: Record<string, string> },
): Promise<{ created: boolean } & NoteWithAddenda> {
  staffOnly(caller);
  return core.db.write(async (transaction) => {
    const session = await sessionFacts(core, appointmentId, transaction);
    if (!session) throw new NotFound();
    if (!STATUSES_WITH_NOTES.has(session.status))
      throw new Conflict(`Only a scheduled session has a note; this appointment is ${session.status}.`, 'invalid_status');
    const now = core.clock.now();
    let note = await noteOf(core, appointmentId, transaction);
    const created = !note;
    if (note) {
      if (note.signed_at) throw new Conflict('This note is signed and can no longer be changed; add an addendum instead.', 'signed');
      await note.update({ template: content.template, fields: JSON.stringify(content.fields), updated_at: now }, { transaction });
    } else {
      note = await core.db.models.SessionNote.create(
        {
          appointment_id: appointmentId,
          template: content.template,
          fields: JSON.stringify(content.fields),
          created_at: now,
          updated_at: now,
        },
        { transaction },
      );
    }
    await recordAudit(core, transaction, { actor: caller.id, action: 'note.write', record_type: 'note', record_id: note.id });
    return { created, note, addenda: await addendaOf(core, note.id, transaction) };
  });
}

export async function signNote(core: ServerCore, caller: Principal, appointmentId: string): Promise<NoteWithAddenda> {
  staffOnly(caller);
  return core.db.write(async (transaction) => {
    const note = await noteOf(core, appointmentId, transaction);
    if (!note) throw new NotFound();
    if (note.signed_at) throw new Conflict('This note is already signed.', 'signed');
    const now = core.clock.now();
    await note.update({ signed_at: now, signed_by: caller.id, updated_at: now }, { transaction });
    await recordAudit(core, transaction, { actor: caller.id, action: 'note.sign', record_type: 'note', record_id: note.id });
    return { note, addenda: await addendaOf(core, note.id, transaction) };
  });
}

export async function addAddendum(core: ServerCore, caller: Principal, appointmentId: string, text: string): Promise<NoteWithAddenda> {
  staffOnly(caller);
  return core.db.write(async (transaction) => {
    const note = await noteOf(core, appointmentId, transaction);
    if (!note) throw new NotFound();
    if (!note.signed_at) throw new Conflict('The note is not signed yet: change it directly.', 'not_signed');
    await core.db.models.NoteAddendum.create(
      { note_id: note.id, author_id: caller.id, text, created_at: core.clock.now() },
      { transaction },
    );
    await recordAudit(core, transaction, { actor: caller.id, action: 'note.addendum', record_type: 'note', record_id: note.id });
    return { note, addenda: await addendaOf(core, note.id, transaction) };
  });
}

/** The headers of the notes of these sessions (for a client's record): never their text. */
export async function noteHeaders(core: ServerCore, appointmentIds: string[]) {
  if (appointmentIds.length === 0) return [];
  const notes = await core.db.models.SessionNote.findAll({
    attributes: ['id', 'appointment_id', 'template', 'signed_at', 'signed_by', 'created_at', 'updated_at'],
    where: { appointment_id: { [Op.in]: appointmentIds } },
    order: [['created_at', 'DESC']],
  });
  return notes;
}

/** Every note of these sessions with its addenda, for a records export. */
export async function notesForExport(core: ServerCore, appointmentIds: string[]): Promise<NoteWithAddenda[]> {
  if (appointmentIds.length === 0) return [];
  const notes = await core.db.models.SessionNote.findAll({
    where: { appointment_id: { [Op.in]: appointmentIds } },
    order: [['created_at', 'ASC']],
  });
  return Promise.all(notes.map(async (note) => ({ note, addenda: await addendaOf(core, note.id) })));
}

/** True when any of these sessions has a note (an account with notes is not deleted without purge). */
export async function hasNotes(core: ServerCore, appointmentIds: string[], transaction?: Transaction): Promise<boolean> {
  if (appointmentIds.length === 0) return false;
  return (await core.db.models.SessionNote.count({ where: { appointment_id: { [Op.in]: appointmentIds } }, transaction })) > 0;
}
