// Slots held by pending requests: staff cannot schedule another request over a slot a client is waiting on.
import { DateTime } from 'luxon';
import { Op, type Transaction } from 'sequelize';
import type { ServerCore } from '../core.js';
import { ApiError } from '../http/errors.js';

const MINUTE_MS = 60_000;

/**
 * 409 `time_conflict` when [start, end) overlaps the slot held by a pending request other than `ownId` (a hold lasts
 * the practice's session length from its start).
 */
export async function assertNotHeldByAnother(
  core: ServerCore,
  start: Date,
  end: Date,
  ownId: string | null,
  transaction: Transaction,
): Promise<void> {
  const { Appointment, WeeklyAvailability } = core.db.models;
  const sessionMinutes =
    (await WeeklyAvailability.findByPk(1, { attributes: ['id', 'session_minutes'], transaction }))?.session_minutes ?? 50;
  const held = await Appointment.findOne({
    attributes: ['id', 'held_start'],
    where: {
      held_start: { [Op.gt]: new Date(start.getTime() - sessionMinutes * MINUTE_MS), [Op.lt]: end },
      ...(ownId ? { id: { [Op.ne]: ownId } } : {}),
    },
    transaction,
  });
  if (!held) return;
  const zone = await core.settings.timeZone();
  const at = DateTime.fromJSDate(held.held_start!, { zone }).toFormat('HH:mm');
  throw new ApiError(409, {
    detail: `This time overlaps the slot at ${at} that a pending request holds: schedule or reject that request first.`,
    code: 'time_conflict',
    conflicting: { id: held.id, requested_start: held.held_start!.toISOString() },
  });
}
