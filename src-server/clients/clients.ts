// The staff's view of the practice's clients (accounts that are not staff): list with session counts, one client's record, fee.
import type { ServerCore } from '../core.js';
import { USER_EMAIL_INDEX } from '../core.js';
import type { UserInstance } from '../db/models/user.js';
import { NotFound, ValidationError } from '../http/errors.js';
import { clientSessionSummaries, type ClientSessionSummary } from '../meetings/client-sessions.js';
import { recordAudit } from '../audit/audit-log.js';
import { toMinorUnits } from '../billing/money.js';
import { clientFee, setClientFee } from './client-fees.js';

export interface ClientSearch {
  search?: string;
  offset: number;
  limit: number;
}

export interface ClientListItem {
  user: UserInstance;
  summary: ClientSessionSummary;
}

const NEWEST_FIRST: [string, string][] = [
  ['date_joined', 'DESC'],
  ['id', 'ASC'],
];

/**
 * Newest first. Names are encrypted, so a search by name decrypts the practice's clients here instead of in SQL:
 * a practice has hundreds of clients, not millions, and this keeps names out of any index. An email is found
 * through its blind index (exact address, any case).
 */
export async function listClients(core: ServerCore, query: ClientSearch): Promise<{ count: number; rows: ClientListItem[] }> {
  const { User } = core.db.models;
  const needle = query.search?.trim().toLowerCase();
  let count: number;
  let users: UserInstance[];
  if (!needle) {
    ({ count, rows: users } = await User.findAndCountAll({
      where: { is_staff: false },
      order: NEWEST_FIRST,
      offset: query.offset,
      limit: query.limit,
    }));
  } else {
    const emailIndex = core.blindIndex.of(needle, USER_EMAIL_INDEX);
    const found = (await User.findAll({ where: { is_staff: false }, order: NEWEST_FIRST })).filter(
      (user) =>
        user.email_index === emailIndex ||
        [user.first_name, user.last_name, `${user.first_name} ${user.last_name}`].some((name) => name.toLowerCase().includes(needle)),
    );
    count = found.length;
    users = found.slice(query.offset, query.offset + query.limit);
  }
  const summaries = await clientSessionSummaries(
    core,
    users.map((user) => user.id),
    core.clock.now(),
  );
  return { count, rows: users.map((user) => ({ user, summary: summaries.get(user.id)! })) };
}

/** A client's account: staff accounts and unknown ids are not found (the client record is about clients only). */
export async function findClient(core: ServerCore, id: string): Promise<UserInstance> {
  const user = await core.db.models.User.findByPk(id);
  if (!user || user.is_staff) throw new NotFound();
  return user;
}

export async function clientOverview(core: ServerCore, id: string): Promise<ClientListItem & { fee: string | null }> {
  const user = await findClient(core, id);
  const summaries = await clientSessionSummaries(core, [user.id], core.clock.now());
  return { user, summary: summaries.get(user.id)!, fee: await clientFee(core, user.id) };
}

/** The fee must be an amount in the practice currency; null or "" removes the override. */
export async function changeClientFee(core: ServerCore, actorId: string, id: string, fee: string | null): Promise<void> {
  const user = await findClient(core, id);
  if (fee !== null) {
    const currency = await core.settings.value('currency');
    if (toMinorUnits(fee, currency) === null) throw ValidationError.field('fee', `Enter an amount like 80.00 in ${currency}.`);
  }
  await core.db.write(async (transaction) => {
    await setClientFee(core, user.id, fee, transaction);
    await recordAudit(core, transaction, { actor: actorId, action: 'client.fee_change', record_type: 'client', record_id: user.id });
  });
}
