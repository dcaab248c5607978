// The rules a session's time must meet, shared by schedule and reschedule: in the future, clear of every other
// session (the 409 names the one it clashes with), and not on a blocked date unless staff say so.
import { DateTime } from 'luxon';
import { Op, type Transaction } from 'sequelize';
import type { ServerCore } from '../core.js';
import { ApiError, ValidationError } from '../http/errors.js';
import { practiceDay } from './practice-time.js';

/** DRF's wording for a datetime it cannot read. */
export const DATETIME_FORMAT_MESSAGE =
  'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].';

/** ISO 8601 with or without an offset (then in the practice zone), strictly after `now`. */
export function parseFutureTime(value: string, zone: string, now: Date): Date {
  const parsed = DateTime.fromISO(value, { zone });
  if (!parsed.isValid) throw ValidationError.field('scheduled_datetime', DATETIME_FORMAT_MESSAGE);
  if (parsed.toMillis() <= now.getTime()) throw ValidationError.field('scheduled_datetime', 'The time must be in the future.');
  return parsed.toJSDate();
}

/** "Tom K.": enough for the therapist to recognise the session, no more. */
function shortName(firstName: string, lastName: string): string {
  const initial = lastName.trim().charAt(0);
  return [firstName.trim(), initial ? `${initial}.` : ''].filter(Boolean).join(' ') || 'another client';
}

/**
 * 409 `time_conflict` when [start, end) overlaps a scheduled session other than `excludeId`; the detail names the
 * clashing session ("overlaps Tom K., 10:00–10:50") and `conflicting` carries its id and times.
 */
export async function assertTimeFree(
  core: ServerCore,
  start: Date,
  end: Date,
  excludeId: string | null,
  zone: string,
  transaction: Transaction,
): Promise<void> {
  const { Appointment, User } = core.db.models;
  const clash = await Appointment.findOne({
    attributes: ['id', 'user_id', 'scheduled_datetime', 'scheduled_end'],
    where: {
      status: 'scheduled',
      scheduled_end: { [Op.gt]: start },
      scheduled_datetime: { [Op.lt]: end },
      ...(excludeId ? { id: { [Op.ne]: excludeId } } : {}),
    },
    order: [['scheduled_datetime', 'ASC']],
    transaction,
  });
  if (!clash) return;
  const owner = await User.findByPk(clash.user_id, { attributes: ['id', 'first_name', 'last_name'], transaction });
  const clock = (instant: Date) => DateTime.fromJSDate(instant, { zone }).toFormat('HH:mm');
  const span = `${clock(clash.scheduled_datetime!)}–${clock(clash.scheduled_end!)}`;
  const who = owner ? shortName(owner.first_name, owner.last_name) : 'another client';
  throw new ApiError(409, {
    detail: `This time overlaps ${who}, ${span}.`,
    code: 'time_conflict',
    conflicting: {
      id: clash.id,
      scheduled_datetime: clash.scheduled_datetime!.toISOString(),
      scheduled_end: clash.scheduled_end!.toISOString(),
    },
  });
}

/** 409 `blocked_date` when `start` falls on a blocked day of the practice, unless staff explicitly allow it. */
export async function assertNotBlocked(
  core: ServerCore,
  start: Date,
  zone: string,
  allowBlockedDate: boolean,
  transaction: Transaction,
): Promise<void> {
  if (allowBlockedDate) return;
  const day = practiceDay(start, zone).toISODate()!;
  if (await core.db.models.BlockedDate.findByPk(day, { transaction })) {
    throw new ApiError(409, {
      detail: `${day} is a blocked date (allow_blocked_date: true books it anyway).`,
      code: 'blocked_date',
      date: day,
    });
  }
}
