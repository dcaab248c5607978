// The therapist's weekly availability (working hours, session length, buffer, notice, horizon) and blocked dates,
// and the dates a client may request from them.
import { DateTime } from 'luxon';
import { Op, type Transaction } from 'sequelize';
import type { ServerCore } from '../core.js';
import type { BlockedDateInstance } from '../db/models/blocked-date.js';
import { NotFound, ValidationError } from '../http/errors.js';
import type { AvailabilityChange } from './availability-schemas.js';
import { practiceDay } from './practice-time.js';
import { daysOf, hoursForDays, normalizeHours, type WorkingHours } from './working-hours.js';

export const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const DEFAULT_DAYS = [0, 1, 2, 3, 4];
const AVAILABILITY_ROW = 1;

export interface WeeklyAvailability {
  availableDays: number[];
  hours: WorkingHours;
  sessionMinutes: number;
  bufferMinutes: number;
  minNoticeHours: number;
  bookingHorizonDays: number;
  updatedAt: Date | null;
}

export const DEFAULT_AVAILABILITY: WeeklyAvailability = {
  availableDays: DEFAULT_DAYS,
  hours: hoursForDays(DEFAULT_DAYS),
  sessionMinutes: 50,
  bufferMinutes: 10,
  minNoticeHours: 24,
  bookingHorizonDays: 30,
  updatedAt: null,
};

export class Availability {
  constructor(private readonly core: ServerCore) {}

  async weekly(transaction?: Transaction): Promise<WeeklyAvailability> {
    const row = await this.core.db.models.WeeklyAvailability.findByPk(AVAILABILITY_ROW, { transaction });
    if (!row) return DEFAULT_AVAILABILITY;
    const hours = row.hours ?? hoursForDays(row.available_days);
    return {
      availableDays: daysOf(hours),
      hours,
      sessionMinutes: row.session_minutes,
      bufferMinutes: row.buffer_minutes,
      minNoticeHours: row.min_notice_hours,
      bookingHorizonDays: row.booking_horizon_days,
      updatedAt: row.updated_at,
    };
  }

  /**
   * Applies `change` (already validated). Hours win over available_days; available_days alone keep the intervals
   * of days that stay and give new days 09:00–17:00. `auto_confirm` is a practice setting (one place for it): it is
   * stored through the settings service in the same transaction.
   */
  async update(change: AvailabilityChange): Promise<WeeklyAvailability> {
    const now = this.core.clock.now();
    return this.core.db.write(async (transaction) => {
      if (change.auto_confirm !== undefined) await this.core.settings.updateIn({ auto_confirm: String(change.auto_confirm) }, transaction);
      const current = await this.weekly(transaction);
      const hours = change.hours
        ? normalizeHours(change.hours as WorkingHours)
        : change.available_days
          ? hoursForDays(change.available_days, current.hours)
          : current.hours;
      const next: WeeklyAvailability = {
        availableDays: daysOf(hours),
        hours,
        sessionMinutes: change.session_minutes ?? current.sessionMinutes,
        bufferMinutes: change.buffer_minutes ?? current.bufferMinutes,
        minNoticeHours: change.min_notice_hours ?? current.minNoticeHours,
        bookingHorizonDays: change.booking_horizon_days ?? current.bookingHorizonDays,
        updatedAt: now,
      };
      await this.core.db.models.WeeklyAvailability.upsert(
        {
          id: AVAILABILITY_ROW,
          available_days: next.availableDays,
          hours: next.hours,
          session_minutes: next.sessionMinutes,
          buffer_minutes: next.bufferMinutes,
          min_notice_hours: next.minNoticeHours,
          booking_horizon_days: next.bookingHorizonDays,
          updated_at: now,
        },
        { transaction },
      );
      return next;
    });
  }

  /** Tomorrow through today + the horizon in the practice zone, on weekdays with hours, minus blocked dates. */
  async availableDates(transaction?: Transaction): Promise<string[]> {
    const today = practiceDay(this.core.clock.now(), await this.core.settings.timeZone());
    // Counting calendar days needs no time zone: stepping through UTC dates spares a zone lookup per day (hot path).
    const firstDay = DateTime.fromISO(today.toISODate()!, { zone: 'utc' });
    const weekly = await this.weekly(transaction);
    const candidates = Array.from({ length: weekly.bookingHorizonDays }, (_, index) => firstDay.plus({ days: index + 1 }));
    const blocked = await this.blockedDaysBetween(candidates[0].toISODate()!, candidates.at(-1)!.toISODate()!, transaction);
    return candidates
      .filter((day) => weekly.availableDays.includes(day.weekday - 1))
      .map((day) => day.toISODate()!)
      .filter((day) => !blocked.has(day));
  }

  async listBlocked(options: { offset: number; limit: number }): Promise<{ count: number; rows: BlockedDateInstance[] }> {
    return this.core.db.models.BlockedDate.findAndCountAll({ order: [['day', 'ASC']], offset: options.offset, limit: options.limit });
  }

  /** Blocks `day` inside the caller's transaction (which may first deal with the day's sessions). */
  async block(day: string, note: string | null, transaction: Transaction): Promise<BlockedDateInstance> {
    const today = practiceDay(this.core.clock.now(), await this.core.settings.timeZone()).toISODate()!;
    if (day < today) throw ValidationError.field('date', 'A date in the past cannot be blocked.');
    if (await this.core.db.models.BlockedDate.findByPk(day, { transaction }))
      throw ValidationError.field('date', 'This date is already blocked.');
    return this.core.db.models.BlockedDate.create({ day, note, created_at: this.core.clock.now() }, { transaction });
  }

  async unblock(day: string): Promise<void> {
    const removed = await this.core.db.write((transaction) => this.core.db.models.BlockedDate.destroy({ where: { day }, transaction }));
    if (removed === 0) throw new NotFound();
  }

  async blockedDaysBetween(first: string, last: string, transaction?: Transaction): Promise<Set<string>> {
    const rows = await this.core.db.models.BlockedDate.findAll({
      attributes: ['day'],
      where: { day: { [Op.between]: [first, last] } },
      transaction,
    });
    return new Set(rows.map((row) => row.day));
  }
}
