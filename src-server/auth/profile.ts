// The caller's own account: read it, and change the contact details a client may change (never roles or status).
import type { ServerCore } from '../core.js';
import type { UserInstance } from '../db/models/user.js';
import { NotFound } from '../http/errors.js';

export interface ProfileChanges {
  first_name?: string;
  last_name?: string;
  phone_number?: string | null;
  /** The client's IANA zone: their pages and mails show their local time beside the practice's. */
  time_zone?: string | null;
}

export async function getProfile(core: ServerCore, userId: string): Promise<UserInstance> {
  const user = await core.db.models.User.findByPk(userId);
  if (!user) throw new NotFound();
  return user;
}

export async function updateProfile(core: ServerCore, userId: string, changes: ProfileChanges): Promise<UserInstance> {
  // Named one by one: whatever else a request carries can never reach the account.
  const { first_name, last_name, phone_number, time_zone } = changes;
  return core.db.write(async (transaction) => {
    const user = await core.db.models.User.findByPk(userId, { transaction });
    if (!user) throw new NotFound();
    await user.update(
      Object.fromEntries(Object.entries({ first_name, last_name, phone_number, time_zone }).filter(([, value]) => value !== undefined)),
      { transaction },
    );
    return user;
  });
}
