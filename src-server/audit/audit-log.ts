// The audit log service others call inside their own transaction: who did what to which record, ids only.
import type { Transaction } from 'sequelize';
import type { ServerCore } from '../core.js';
import type { AuditEventInstance } from '../db/models/audit-event.js';

/** Every action the log knows; a name says what happened, never to whom (the record id says which record). */
export const AUDIT_ACTIONS = [
  'appointment.schedule',
  'appointment.reject',
  'appointment.cancel',
  'appointment.reschedule',
  'appointment.attendance',
  'note.read',
  'note.write',
  'note.sign',
  'note.addendum',
  'client.export',
  'client.fee_change',
  'invoice.create',
  'invoice.issue',
  'invoice.mark_paid',
  'invoice.void',
  'invoice.read',
  'user.activate',
  'user.deactivate',
  'user.delete',
  'settings.change',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditRecordType = 'appointment' | 'note' | 'client' | 'invoice' | 'user' | 'settings';

export interface AuditEntry {
  /** The staff member (or client) who acted; null for the system. */
  actor: string | null;
  action: AuditAction;
  record_type: AuditRecordType;
  record_id: string;
}

/** Writes one audit row in the caller's transaction, so the log and the change commit or fail together. */
export async function recordAudit(core: ServerCore, transaction: Transaction, entry: AuditEntry): Promise<void> {
  await core.db.models.AuditEvent.create(
    {
      actor_id: entry.actor,
      action: entry.action,
      record_type: entry.record_type,
      record_id: entry.record_id,
      created_at: core.clock.now(),
    },
    { transaction },
  );
}

/** For a read (which has no transaction of its own): the row is written in a short write transaction. */
export async function recordAuditNow(core: ServerCore, entry: AuditEntry): Promise<void> {
  await core.db.write((transaction) => recordAudit(core, transaction, entry));
}

export async function listAudit(
  core: ServerCore,
  query: { offset: number; limit: number },
): Promise<{ count: number; rows: AuditEventInstance[] }> {
  return core.db.models.AuditEvent.findAndCountAll({
    // Writes are serialised, so the rising id is the order in which things happened.
    order: [['id', 'DESC']],
    offset: query.offset,
    limit: query.limit,
  });
}

/** One row per changed setting key (the key names the record; values stay out of the log). */
export async function recordSettingsChange(core: ServerCore, actorId: string, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await core.db.write(async (transaction) => {
    for (const key of keys)
      await recordAudit(core, transaction, { actor: actorId, action: 'settings.change', record_type: 'settings', record_id: key });
  });
}
