// Request schemas of the session-note routes: a template and its fields, an addendum's text.
import { z } from 'zod';
import { NOTE_TEMPLATES } from '../db/models/session-note.js';
import { longText } from '../http/fields.js';
import { TEMPLATE_FIELDS } from './templates.js';

/** A note field: free text with line breaks, bounded so one note stays a note. */
const noteText = longText(20_000);

export const notePut = z
  .object({
    template: z.enum(NOTE_TEMPLATES),
    fields: z.record(z.string(), noteText).default({}),
  })
  .superRefine((note, context) => {
    const allowed = new Set(TEMPLATE_FIELDS[note.template]);
    const unknown = Object.keys(note.fields).filter((name) => !allowed.has(name));
    if (unknown.length > 0) {
      context.addIssue({
        code: 'custom',
        path: ['fields'],
        message: `The ${note.template} template has only ${[...allowed].join(', ')}; not ${unknown.join(', ')}.`,
      });
    }
  });

export const addendumBody = z.object({
  text: longText(5_000).pipe(z.string().min(1, 'This field may not be blank.')),
});
