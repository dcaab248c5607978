// Finding an account by its email: through the blind index, since the address itself is stored encrypted.
import type { Transaction } from 'sequelize';
import { USER_EMAIL_INDEX, type ServerCore } from '../core.js';
import type { UserInstance } from '../db/models/user.js';

export function userEmailIndex(core: ServerCore, email: string): string {
  return core.blindIndex.of(email, USER_EMAIL_INDEX);
}

export function findUserByEmail(core: ServerCore, email: string, transaction?: Transaction): Promise<UserInstance | null> {
  return core.db.models.User.findOne({ where: { email_index: userEmailIndex(core, email) }, transaction });
}
