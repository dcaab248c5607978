// `/api/meetings/appointments/<uuid>/note/`: the session note (staff only; a 404 for everyone else, the client included).
import type { ServerCore } from '../core.js';
import { NotFound } from '../http/errors.js';
import { caller } from '../http/caller.js';
import { operation, type Endpoint, type Principal } from '../http/route-table.js';
import { addAddendum, readNote, signNote, writeNote } from './notes.js';
import { presentNote } from './presenter.js';
import { addendumBody, notePut } from './schemas.js';
import { TEMPLATE_FIELDS } from './templates.js';

/** The routes are open to signed-in users only so that a client gets 404 (not 403): a note's existence is private. */
const STAFF_ONLY = 'Required (Staff users only; anyone else gets 404)';

/** Refuses everyone but staff with 404 before the body is read, so a client learns nothing, not even a 400. */
function staffElseNotFound(principal: Principal | null): void {
  if (!principal?.isStaff) throw new NotFound();
}

export function notesEndpoints(core: ServerCore): Endpoint[] {
  return [
    {
      key: 'session_note',
      section: 'appointments',
      path: '/api/meetings/appointments/<uuid:pk>/note/',
      doc: {
        description: "The session's note, encrypted at rest: a template (soap, dap or free) and its fields; locked once signed",
        authentication: STAFF_ONLY,
        required_fields: ['template'],
        optional_fields: ['fields'],
        template_fields: TEMPLATE_FIELDS,
        example_request: { template: 'soap', fields: { subjective: '…', objective: '…', assessment: '…', plan: '…' } },
      },
      methods: {
        GET: operation({
          access: 'user',
          guard: staffElseNotFound,
          summary: "The session's note with its addenda",
          handler: async ({ params, principal }) => ({ body: presentNote(await readNote(core, caller(principal), params.pk)) }),
        }),
        PUT: operation({
          access: 'user',
          guard: staffElseNotFound,
          summary: "Write the session's note (until it is signed)",
          body: notePut,
          handler: async ({ params, principal, body }) => {
            const { created, ...note } = await writeNote(core, caller(principal), params.pk, body);
            return { status: created ? 201 : 200, body: presentNote(note) };
          },
        }),
      },
    },
    {
      key: 'session_note_sign',
      section: 'appointments',
      path: '/api/meetings/appointments/<uuid:pk>/note/sign/',
      doc: {
        description: 'Sign the note: it is locked from then on (PUT answers 409 signed); corrections go in addenda',
        authentication: STAFF_ONLY,
      },
      methods: {
        POST: operation({
          access: 'user',
          guard: staffElseNotFound,
          summary: 'Sign and lock the note',
          handler: async ({ params, principal }) => ({ body: presentNote(await signNote(core, caller(principal), params.pk)) }),
        }),
      },
    },
    {
      key: 'session_note_addenda',
      section: 'appointments',
      path: '/api/meetings/appointments/<uuid:pk>/note/addenda/',
      doc: {
        description: 'Add a dated addendum (with its author) to a signed note',
        authentication: STAFF_ONLY,
        required_fields: ['text'],
        example_request: { text: '…' },
      },
      methods: {
        POST: operation({
          access: 'user',
          guard: staffElseNotFound,
          summary: 'Add an addendum to a signed note',
          body: addendumBody,
          status: 201,
          handler: async ({ params, principal, body }) => ({
            status: 201,
            body: presentNote(await addAddendum(core, caller(principal), params.pk, body.text)),
          }),
        }),
      },
    },
  ];
}
