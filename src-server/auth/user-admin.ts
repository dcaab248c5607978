// The therapist's user management: list and search accounts, activate or deactivate them, delete them.
import type { Transaction } from 'sequelize';
import { recordAudit } from '../audit/audit-log.js';
import { assertDeletable } from '../clients/client-records.js';
import type { ServerCore } from '../core.js';
import type { UserInstance } from '../db/models/user.js';
import { NotFound, ValidationError } from '../http/errors.js';
import { revokeEveryToken } from './sessions.js';

export interface UserSearch {
  search?: string;
  offset: number;
  limit: number;
}

function matches(user: UserInstance, needle: string): boolean {
  return [user.email, user.first_name, user.last_name, `${user.first_name} ${user.last_name}`].some((value) =>
    value.toLowerCase().includes(needle),
  );
}

const NEWEST_FIRST: [string, string][] = [
  ['date_joined', 'DESC'],
  ['id', 'ASC'],
];

/** Newest first. Names and addresses are encrypted, so a search decrypts the practice's accounts here, not in SQL. */
export async function listUsers(core: ServerCore, query: UserSearch): Promise<{ count: number; users: UserInstance[] }> {
  const { User } = core.db.models;
  const needle = query.search?.trim().toLowerCase();
  if (!needle) {
    const { count, rows } = await User.findAndCountAll({ order: NEWEST_FIRST, offset: query.offset, limit: query.limit });
    return { count, users: rows };
  }
  const found = (await User.findAll({ order: NEWEST_FIRST })).filter((user) => matches(user, needle));
  return { count: found.length, users: found.slice(query.offset, query.offset + query.limit) };
}

/** The account another staff member acts on: acting on yourself would lock you out of the practice. */
async function otherAccount(
  core: ServerCore,
  actorId: string,
  userId: string,
  action: string,
  transaction: Transaction,
): Promise<UserInstance> {
  if (userId === actorId) throw new ValidationError({ non_field_errors: [`You cannot ${action} your own account.`] });
  const user = await core.db.models.User.findByPk(userId, { transaction });
  if (!user) throw new NotFound();
  return user;
}

/** Toggles is_active; a deactivated user's tokens all stop working at once. */
export async function toggleActive(core: ServerCore, actorId: string, userId: string): Promise<UserInstance> {
  return core.db.write(async (transaction) => {
    const user = await otherAccount(core, actorId, userId, 'deactivate or reactivate', transaction);
    await user.update({ is_active: !user.is_active }, { transaction });
    if (!user.is_active) await revokeEveryToken(user, transaction);
    await recordAudit(core, transaction, {
      actor: actorId,
      action: user.is_active ? 'user.activate' : 'user.deactivate',
      record_type: 'user',
      record_id: user.id,
    });
    return user;
  });
}

/**
 * Deletes the account; its codes, refresh tokens and appointments go with it (foreign keys ON DELETE CASCADE), and
 * every mail to its address leaves the outbox (sent or not), so the address is gone from the database.
 */
export async function deleteUser(core: ServerCore, actorId: string, userId: string, { purge = false } = {}): Promise<UserInstance> {
  return core.db.write(async (transaction) => {
    const user = await otherAccount(core, actorId, userId, 'delete', transaction);
    await assertDeletable(core, user.id, purge, transaction);
    await recordAudit(core, transaction, { actor: actorId, action: 'user.delete', record_type: 'user', record_id: user.id });
    await core.outbox.forgetRecipient(user.email, transaction);
    await user.destroy({ transaction });
    return user;
  });
}
