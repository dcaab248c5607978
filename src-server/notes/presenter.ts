// What staff see of a note: the template's fields, signature and addenda; the headers show none of the text.
import type * as Api from '../../src-shared/api-types.js';
import type { SessionNoteInstance } from '../db/models/session-note.js';
import { isoUtc } from '../http/timestamps.js';
import type { NoteWithAddenda } from './notes.js';
import { completeFields } from './templates.js';

export function presentNote({ note, addenda }: NoteWithAddenda): Api.SessionNote {
  return {
    id: note.id,
    appointment: note.appointment_id,
    template: note.template,
    fields: completeFields(note.template, JSON.parse(note.fields) as Record<string, string>),
    signed_at: note.signed_at ? isoUtc(note.signed_at) : null,
    signed_by: note.signed_by ?? null,
    addenda: addenda.map((addendum) => ({
      id: addendum.id,
      author: addendum.author_id,
      text: addendum.text,
      created_at: isoUtc(addendum.created_at),
    })),
    created_at: isoUtc(note.created_at),
    updated_at: isoUtc(note.updated_at),
  };
}

export function presentNoteHeader(note: SessionNoteInstance): Api.NoteHeader {
  return {
    id: note.id,
    appointment: note.appointment_id,
    template: note.template,
    signed_at: note.signed_at ? isoUtc(note.signed_at) : null,
    signed_by: note.signed_by ?? null,
    created_at: isoUtc(note.created_at),
    updated_at: isoUtc(note.updated_at),
  };
}
