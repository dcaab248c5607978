// A client's fee override (PATCH /api/clients/<uuid>/ {fee}); billing asks for it when it prices a session.
import type { Transaction } from 'sequelize';
import type { ServerCore } from '../core.js';

export async function clientFee(core: ServerCore, clientId: string, transaction?: Transaction): Promise<string | null> {
  const profile = await core.db.models.ClientProfile.findByPk(clientId, { transaction });
  return profile?.fee ?? null;
}

/** Sets (or, with null, removes) the override inside the caller's transaction. */
export async function setClientFee(core: ServerCore, clientId: string, fee: string | null, transaction: Transaction): Promise<void> {
  await core.db.models.ClientProfile.upsert({ user_id: clientId, fee, updated_at: core.clock.now() }, { transaction });
}
