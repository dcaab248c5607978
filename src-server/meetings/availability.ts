// The therapist's weekly availability and blocked dates, and the dates a client may request from them.
import { DateTime } from 'luxon';
import { Op, type Transaction } from 'sequelize';
import type { ServerCore } from '../core.js';
import type { BlockedDateInstance } from '../db/models/blocked-date.js';
import { NotFound, ValidationError } from '../http/errors.js';
import { practiceDay } from './practice-time.js';

export const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const DEFAULT_DAYS = [0, 1, 2, 3, 4];
/** Clients may request from tomorrow through today + this many days. */
const BOOKING_HORIZON_DAYS = 30;
const AVAILABILITY_ROW = 1;

export interface WeeklyAvailability {
  availableDays: number[];
  updatedAt: Date | null;
}

export class Availability {
  constructor(private readonly core: ServerCore) {}

  async weekly(transaction?: Transaction): Promise<WeeklyAvailability> {
    const row = await this.core.db.models.WeeklyAvailability.findByPk(AVAILABILITY_ROW, { transaction });
    return row ? { availableDays: row.available_days, updatedAt: row.updated_at } : { availableDays: DEFAULT_DAYS, updatedAt: null };
  }

  /** @param days weekdays 0=Monday … 6=Sunday, already checked to be distinct. */
  async setWeekly(days: number[]): Promise<WeeklyAvailability> {
    const sorted = [...days].sort((a, b) => a - b);
    const now = this.core.clock.now();
    await this.core.db.write((transaction) =>
      this.core.db.models.WeeklyAvailability.upsert({ id: AVAILABILITY_ROW, available_days: sorted, updated_at: now }, { transaction }),
    );
    return { availableDays: sorted, updatedAt: now };
  }

  /** Tomorrow through today + 30 in the practice zone, on available weekdays, minus blocked dates. */
  async availableDates(transaction?: Transaction): Promise<string[]> {
    const today = practiceDay(this.core.clock.now(), await this.core.settings.timeZone());
    // Counting calendar days needs no time zone: stepping through UTC dates spares a zone lookup per day (hot path).
    const firstDay = DateTime.fromISO(today.toISODate()!, { zone: 'utc' });
    const candidates = Array.from({ length: BOOKING_HORIZON_DAYS }, (_, index) => firstDay.plus({ days: index + 1 }));
    const [{ availableDays }, blocked] = await Promise.all([
      this.weekly(transaction),
      this.blockedDaysBetween(candidates[0].toISODate()!, candidates.at(-1)!.toISODate()!, transaction),
    ]);
    return candidates
      .filter((day) => availableDays.includes(day.weekday - 1))
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
    if (await this.core.db.models.BlockedDate.findByPk(day, { transaction })) throw ValidationError.field('date', 'This date is already blocked.');
    return this.core.db.models.BlockedDate.create({ day, note, created_at: this.core.clock.now() }, { transaction });
  }

  async unblock(day: string): Promise<void> {
    const removed = await this.core.db.write((transaction) => this.core.db.models.BlockedDate.destroy({ where: { day }, transaction }));
    if (removed === 0) throw new NotFound();
  }

  private async blockedDaysBetween(first: string, last: string, transaction?: Transaction): Promise<Set<string>> {
    const rows = await this.core.db.models.BlockedDate.findAll({ attributes: ['day'], where: { day: { [Op.between]: [first, last] } }, transaction });
    return new Set(rows.map((row) => row.day));
  }
}
