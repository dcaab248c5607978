// The note templates and their fields, in the server's order (src-server/notes/templates.ts), with their labels.
import type { NoteTemplate } from '@shared/api-types';

export const TEMPLATES: { value: NoteTemplate; label: string; fields: { name: string; label: string }[] }[] = [
  {
    value: 'soap',
    label: 'SOAP',
    fields: [
      { name: 'subjective', label: 'Subjective' },
      { name: 'objective', label: 'Objective' },
      { name: 'assessment', label: 'Assessment' },
      { name: 'plan', label: 'Plan' },
    ],
  },
  {
    value: 'dap',
    label: 'DAP',
    fields: [
      { name: 'data', label: 'Data' },
      { name: 'assessment', label: 'Assessment' },
      { name: 'plan', label: 'Plan' },
    ],
  },
  { value: 'free', label: 'Free text', fields: [{ name: 'text', label: 'Note' }] },
];

export function templateOf(value: NoteTemplate) {
  return TEMPLATES.find((template) => template.value === value) ?? TEMPLATES[0];
}
