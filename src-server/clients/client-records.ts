// Whether a client has clinical or financial records (notes, invoices): auth's delete-user asks before deleting.
import type { Transaction } from 'sequelize';
import { hasInvoices } from '../billing/invoices.js';
import type { ServerCore } from '../core.js';
import { Conflict } from '../http/errors.js';
import { clientSessionIds } from '../meetings/client-sessions.js';
import { hasNotes } from '../notes/notes.js';

export async function hasClientRecords(core: ServerCore, userId: string, transaction?: Transaction): Promise<boolean> {
  return (
    (await hasNotes(core, await clientSessionIds(core, userId, transaction), transaction)) || (await hasInvoices(core, userId, transaction))
  );
}

/** Deleting notes or invoices is deliberate: without `purge` a client who has them is kept (409 has_records). */
export async function assertDeletable(core: ServerCore, userId: string, purge: boolean, transaction: Transaction): Promise<void> {
  if (!purge && (await hasClientRecords(core, userId, transaction))) {
    throw new Conflict(
      'This client has session notes or invoices, which a practice usually must keep. Export the record first; delete with ?purge=true to remove them too.',
      'has_records',
    );
  }
}
