// What staff see of a client: the user object, the session counts, and (on the record) the fee override.
import type * as Api from '../../src-shared/api-types.js';
import { presentUser } from '../auth/user-presenter.js';
import type { UserInstance } from '../db/models/user.js';
import { isoUtc } from '../http/timestamps.js';
import type { ClientSessionSummary } from '../meetings/client-sessions.js';

export function presentClient(user: UserInstance, summary: ClientSessionSummary): Api.Client {
  return {
    ...presentUser(user),
    upcoming_sessions: summary.upcomingSessions,
    past_sessions: summary.pastSessions,
    no_shows: summary.noShows,
    late_cancellations: summary.lateCancellations,
    last_session: summary.lastSession ? isoUtc(summary.lastSession) : null,
    next_session: summary.nextSession ? isoUtc(summary.nextSession) : null,
  };
}
