// A records request: one client's whole record (account, sessions, notes with addenda, invoices) as JSON or a readable PDF.
import type * as Api from '../../src-shared/api-types.js';
import { recordAudit } from '../audit/audit-log.js';
import { invoicesOfClient } from '../billing/invoices.js';
import { presentInvoice } from '../billing/presenter.js';
import { practiceProfile } from '../billing/practice-profile.js';
import type { ServerCore } from '../core.js';
import { isoUtc } from '../http/timestamps.js';
import { clientSessions } from '../meetings/client-sessions.js';
import { notesForExport } from '../notes/notes.js';
import { presentNote } from '../notes/presenter.js';
import { clientOverview } from './clients.js';
import { presentClient } from './presenter.js';
import { renderRecordPdf } from './record-pdf.js';

export type ClientExport = Api.ClientExport;

async function buildExport(core: ServerCore, id: string): Promise<ClientExport> {
  const { user, summary, fee } = await clientOverview(core, id);
  const sessions = await clientSessions(core, user.id);
  const profile = await practiceProfile(core);
  return {
    exported_at: isoUtc(core.clock.now()),
    practice: { name: profile.practiceName, therapist: profile.therapistName, address: profile.address, time_zone: profile.timeZone },
    client: { ...presentClient(user, summary), fee },
    sessions,
    notes: (
      await notesForExport(
        core,
        sessions.map((session) => session.id),
      )
    ).map(presentNote),
    invoices: (await invoicesOfClient(core, user.id)).map((invoice) => presentInvoice(invoice, profile.timeZone)),
  };
}

/** The export is itself an access to the notes, so it is audited (after it was built: an unknown client leaves no row). */
export async function exportClientRecord(core: ServerCore, actorId: string, id: string): Promise<ClientExport> {
  const record = await buildExport(core, id);
  await core.db.write((transaction) =>
    recordAudit(core, transaction, { actor: actorId, action: 'client.export', record_type: 'client', record_id: record.client.id }),
  );
  return record;
}

export async function exportClientRecordPdf(core: ServerCore, actorId: string, id: string): Promise<{ filename: string; pdf: Buffer }> {
  const record = await exportClientRecord(core, actorId, id);
  return { filename: `client-record-${record.exported_at.slice(0, 10)}.pdf`, pdf: await renderRecordPdf(record, core.clock.now()) };
}
