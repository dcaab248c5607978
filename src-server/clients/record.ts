// One client's whole record for staff: account and counts, sessions and requests.
import type { ServerCore } from '../core.js';
import { clientSessions } from '../meetings/client-sessions.js';
import { clientOverview } from './clients.js';
import { presentClient } from './presenter.js';

export async function clientRecord(core: ServerCore, id: string) {
  const { user, summary, fee } = await clientOverview(core, id);
  return {
    ...presentClient(user, summary),
    fee,
    sessions: await clientSessions(core, user.id),
  };
}
