// The private calendar feed (iCalendar): one event per session with the session's own UID, its time and STATUS, the
// client's initials (full names only when the practice setting feed_full_names is on); never the reason, notes or contact data. Cancelled
// sessions stay 30 days as STATUS:CANCELLED so subscribed calendars remove them.
import type { EventAttributes } from 'ics';
import { Op } from 'sequelize';
import type { ServerCore } from '../core.js';
import { icsLibrary } from '../meetings/ics-library.js';
import { sessionUid } from '../meetings/invite.js';

const DAY_MS = 86_400_000;
/** How long a cancelled session stays in the feed, and how far back past sessions are kept. */
const CANCELLED_KEPT_DAYS = 30;
const PAST_KEPT_DAYS = 90;

function initials(firstName: string, lastName: string): string {
  const letter = (name: string) => (name.trim().charAt(0) ? `${name.trim().charAt(0).toUpperCase()}.` : '');
  return `${letter(firstName)}${letter(lastName)}` || 'Client';
}

export async function calendarFeed(core: ServerCore): Promise<string> {
  const fullNames = await core.settings.flag('feed_full_names');
  const now = core.clock.now().getTime();
  const { Appointment, User } = core.db.models;
  const sessions = await Appointment.findAll({
    attributes: ['id', 'user_id', 'status', 'scheduled_datetime', 'scheduled_duration', 'ics_sequence', 'jitsi_meet_url', 'updated_at'],
    where: {
      scheduled_datetime: { [Op.ne]: null },
      [Op.or]: [
        { status: 'scheduled', scheduled_end: { [Op.gt]: new Date(now - PAST_KEPT_DAYS * DAY_MS) } },
        { status: 'cancelled', cancelled_at: { [Op.gt]: new Date(now - CANCELLED_KEPT_DAYS * DAY_MS) } },
      ],
    },
    order: [['scheduled_datetime', 'ASC']],
  });
  const ownerIds = [...new Set(sessions.map((session) => session.user_id))];
  const owners = ownerIds.length
    ? new Map(
        (await User.findAll({ attributes: ['id', 'first_name', 'last_name'], where: { id: { [Op.in]: ownerIds } } })).map((user) => [
          user.id,
          user,
        ]),
      )
    : new Map();
  const practiceName = await core.settings.practiceName();
  const events: EventAttributes[] = sessions.map((session) => {
    const owner = owners.get(session.user_id);
    const who = owner
      ? fullNames
        ? `${owner.first_name} ${owner.last_name}`.trim()
        : initials(owner.first_name, owner.last_name)
      : 'Client';
    const cancelled = session.status === 'cancelled';
    return {
      uid: sessionUid(session.id),
      sequence: session.ics_sequence,
      start: session.scheduled_datetime!.getTime(),
      startInputType: 'utc',
      startOutputType: 'utc',
      duration: { minutes: session.scheduled_duration ?? 50 },
      title: `Session – ${who}`,
      status: cancelled ? 'CANCELLED' : 'CONFIRMED',
      busyStatus: cancelled ? 'FREE' : 'BUSY',
      ...(session.jitsi_meet_url && !cancelled ? { location: session.jitsi_meet_url } : {}),
      lastModified: session.updated_at.getTime(),
    };
  });
  const { createEvents } = await icsLibrary();
  const { error, value } = createEvents(events, { productId: 'practice-app/feed', calName: practiceName, method: 'PUBLISH' });
  if (error || !value) throw error ?? new Error('The calendar feed could not be made');
  return value;
}
