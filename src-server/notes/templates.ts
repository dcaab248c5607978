// The note templates and their fields: SOAP, DAP, and free text.
import type { NoteTemplate } from '../db/models/session-note.js';

export const TEMPLATE_FIELDS: Record<NoteTemplate, readonly string[]> = {
  soap: ['subjective', 'objective', 'assessment', 'plan'],
  dap: ['data', 'assessment', 'plan'],
  free: ['text'],
};

/** Every field of the template, in its order, blank where nothing was written. */
export function completeFields(template: NoteTemplate, fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(TEMPLATE_FIELDS[template].map((name) => [name, fields[name] ?? '']));
}
