// The staff calendar for a day or week view: scheduled sessions, slots held by pending requests and blocked dates.
import { Op } from 'sequelize';
import type * as Api from '../../src-shared/api-types.js';
import type { ServerCore } from '../core.js';
import { practiceDayRange } from '../meetings/practice-time.js';
import { isoUtc } from '../http/timestamps.js';

const MINUTE_MS = 60_000;
export const MAX_CALENDAR_DAYS = 62;

export class CalendarWeek {
  constructor(private readonly core: ServerCore) {}

  /** `from`/`to` are practice-zone days, inclusive, at most 62 days. */
  async between(from: string, to: string): Promise<Api.CalendarView> {
    const zone = await this.core.settings.timeZone();
    const { first, last } = practiceDayRange(from, to, zone, MAX_CALENDAR_DAYS);
    const rangeStart = first.toJSDate();
    const rangeEnd = last.plus({ days: 1 }).toJSDate();
    const { Appointment, BlockedDate, WeeklyAvailability } = this.core.db.models;
    const [rows, blocked, weekly] = await Promise.all([
      Appointment.findAll({
        attributes: ['id', 'status', 'first_name', 'last_name', 'scheduled_datetime', 'scheduled_end', 'held_start', 'series_id'],
        where: {
          [Op.or]: [
            { status: 'scheduled', scheduled_datetime: { [Op.lt]: rangeEnd }, scheduled_end: { [Op.gt]: rangeStart } },
            { held_start: { [Op.gte]: rangeStart, [Op.lt]: rangeEnd } },
          ],
        },
      }),
      BlockedDate.findAll({ where: { day: { [Op.between]: [from, to] } }, order: [['day', 'ASC']] }),
      WeeklyAvailability.findByPk(1, { attributes: ['id', 'session_minutes'] }),
    ]);
    const sessionMs = (weekly?.session_minutes ?? 50) * MINUTE_MS;
    const entries: Api.CalendarSession[] = rows.map((row) => {
      const held = row.status !== 'scheduled';
      const start = held ? row.held_start! : row.scheduled_datetime!;
      return {
        id: row.id,
        kind: held ? 'held' : 'session',
        status: row.status as Api.CalendarSession['status'],
        start: isoUtc(start),
        end: isoUtc(held ? new Date(start.getTime() + sessionMs) : row.scheduled_end!),
        client_name: `${row.first_name} ${row.last_name}`.trim(),
        series_id: row.series_id ?? null,
      };
    });
    entries.sort((a, b) => a.start.localeCompare(b.start));
    return {
      from,
      to,
      time_zone: zone,
      entries,
      blocked_dates: blocked.map((day) => ({ date: day.day, note: day.note, created_at: isoUtc(day.created_at) })),
    };
  }
}
