// One client's whole record for staff: account and counts, sessions and requests, note headers, invoices.
import type * as Api from '../../src-shared/api-types.js';
import { invoicesOfClient } from '../billing/invoices.js';
import { presentInvoice } from '../billing/presenter.js';
import type { ServerCore } from '../core.js';
import { clientSessions } from '../meetings/client-sessions.js';
import { noteHeaders } from '../notes/notes.js';
import { presentNoteHeader } from '../notes/presenter.js';
import { clientOverview } from './clients.js';
import { presentClient } from './presenter.js';

export async function clientRecord(core: ServerCore, id: string): Promise<Api.ClientRecord> {
  const { user, summary, fee } = await clientOverview(core, id);
  const sessions = await clientSessions(core, user.id);
  const notes = await noteHeaders(
    core,
    sessions.map((session) => session.id),
  );
  const timeZone = await core.settings.timeZone();
  return {
    ...presentClient(user, summary),
    fee,
    sessions,
    notes: notes.map(presentNoteHeader),
    invoices: (await invoicesOfClient(core, user.id)).map((invoice) => presentInvoice(invoice, timeZone)),
  };
}
