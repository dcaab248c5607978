// Bookable slots: free starts inside the working hours of available, unblocked days, at least the minimum notice
// ahead, within the horizon, clear (with the buffer on both sides) of every scheduled session and every held request.
// Local wall-clock times in the practice zone (Luxon), so a 09:00 slot is 09:00 on both sides of a DST change.
import { DateTime } from 'luxon';
import { Op, type Transaction } from 'sequelize';
import type { ServerCore } from '../core.js';
import { practiceDayRange } from './practice-time.js';
import { Availability, type WeeklyAvailability } from './availability.js';
import { dataVersion } from './data-version.js';
import { minutesOf } from './working-hours.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** A range longer than this is refused: a booking page shows a month at most. */
export const MAX_SLOT_RANGE_DAYS = 31;

export interface Slot {
  start: Date;
  end: Date;
  /** The practice-zone day of the start, YYYY-MM-DD. */
  date: string;
}

/** A span the therapist is busy: a scheduled session, or the slot a pending request holds. */
export interface BusySpan {
  start: number;
  end: number;
}

export interface SlotRules {
  zone: string;
  weekly: WeeklyAvailability;
  blocked: Set<string>;
  busy: BusySpan[];
}

/**
 * Every start in [firstDay, lastDay] (practice-zone days) allowed by hours, blocked dates and busy spans; the notice
 * and horizon, which move with the clock, are applied by the caller so that this part can be cached.
 */
export function candidateSlots(firstDay: string, lastDay: string, rules: SlotRules): Slot[] {
  const { zone, weekly, blocked } = rules;
  const session = weekly.sessionMinutes;
  const buffer = weekly.bufferMinutes * MINUTE_MS;
  const busy = [...rules.busy].sort((a, b) => a.start - b.start);
  const slots: Slot[] = [];
  let busyIndex = 0;
  for (let day = DateTime.fromISO(firstDay, { zone }); day.toISODate()! <= lastDay; day = day.plus({ days: 1 })) {
    const date = day.toISODate()!;
    const intervals = weekly.hours[String(day.weekday - 1)];
    if (!intervals || blocked.has(date)) continue;
    for (const [from, to] of intervals) {
      const last = minutesOf(to) - session;
      for (let minute = minutesOf(from); minute <= last; minute += session + weekly.bufferMinutes) {
        const start = day.set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 }).toMillis();
        const end = start + session * MINUTE_MS;
        // Busy spans are sorted by start and the candidates rise: a span over before this start never matters again.
        while (busyIndex < busy.length && busy[busyIndex].end + buffer <= start) busyIndex += 1;
        let clash = false;
        for (let index = busyIndex; index < busy.length && busy[index].start - buffer < end; index += 1) {
          if (busy[index].end + buffer > start) clash = true;
        }
        if (!clash) slots.push({ start: new Date(start), end: new Date(end), date });
      }
    }
  }
  return slots;
}

interface CacheEntry {
  version: number;
  zone: string;
  weekly: WeeklyAvailability;
  slots: Slot[];
}

const perServer = new WeakMap<ServerCore, Slots>();

/** Reads a range's rules in few queries and caches the candidates per data version (SQLite) — never stale after a write. */
export class Slots {
  private readonly availability: Availability;
  private readonly cache = new Map<string, CacheEntry>();

  private constructor(private readonly core: ServerCore) {
    this.availability = new Availability(core);
  }

  /** One per server, so every caller shares its cache. */
  static of(core: ServerCore): Slots {
    let slots = perServer.get(core);
    if (!slots) {
      slots = new Slots(core);
      perServer.set(core, slots);
    }
    return slots;
  }

  /** Free slots between two practice-zone days (inclusive), as a client may book them now. */
  async between(from: string, to: string): Promise<Slot[]> {
    const zone = await this.core.settings.timeZone();
    practiceDayRange(from, to, zone, MAX_SLOT_RANGE_DAYS);
    const cacheable = this.core.db.dialect === 'sqlite';
    const version = dataVersion(this.core.db);
    const key = `${from}|${to}`;
    let entry = cacheable ? this.cache.get(key) : undefined;
    if (!entry || entry.version !== version || entry.zone !== zone) {
      const rules = await this.rules(from, to, zone);
      entry = { version, zone, weekly: rules.weekly, slots: candidateSlots(from, to, rules) };
      if (cacheable) {
        if (this.cache.size >= 200) this.cache.clear();
        this.cache.set(key, entry);
      }
    }
    return this.bookableNow(entry.slots, entry.weekly, zone);
  }

  /** Whether `start` is a free slot right now, read inside the caller's write transaction (no cache). */
  async isFree(start: Date, transaction: Transaction): Promise<Slot | null> {
    const zone = await this.core.settings.timeZone();
    const day = DateTime.fromJSDate(start, { zone }).toISODate()!;
    const rules = await this.rules(day, day, zone, transaction);
    const slots = this.bookableNow(candidateSlots(day, day, rules), rules.weekly, zone);
    return slots.find((slot) => slot.start.getTime() === start.getTime()) ?? null;
  }

  /** Drops the starts inside the minimum notice or beyond the horizon (both move with the clock). */
  private bookableNow(slots: Slot[], weekly: WeeklyAvailability, zone: string): Slot[] {
    const now = this.core.clock.now();
    const earliest = now.getTime() + weekly.minNoticeHours * HOUR_MS;
    const lastDay = DateTime.fromJSDate(now, { zone }).plus({ days: weekly.bookingHorizonDays }).toISODate()!;
    return slots.filter((slot) => slot.start.getTime() >= earliest && slot.date <= lastDay);
  }

  /** The hours, the range's blocked days, and its sessions and holds in one query. */
  private async rules(from: string, to: string, zone: string, transaction?: Transaction): Promise<SlotRules> {
    const weekly = await this.availability.weekly(transaction);
    const margin = (weekly.bufferMinutes + weekly.sessionMinutes) * MINUTE_MS;
    const rangeStart = new Date(DateTime.fromISO(from, { zone }).toMillis() - margin);
    const rangeEnd = new Date(DateTime.fromISO(to, { zone }).plus({ days: 1 }).toMillis() + margin);
    const [blocked, rows] = await Promise.all([
      this.availability.blockedDaysBetween(from, to, transaction),
      this.core.db.models.Appointment.findAll({
        attributes: ['status', 'scheduled_datetime', 'scheduled_end', 'held_start'],
        where: {
          [Op.or]: [
            { status: 'scheduled', scheduled_end: { [Op.gt]: rangeStart }, scheduled_datetime: { [Op.lt]: rangeEnd } },
            { held_start: { [Op.gt]: rangeStart, [Op.lt]: rangeEnd } },
          ],
        },
        raw: true,
        transaction,
      }),
    ]);
    const session = weekly.sessionMinutes * MINUTE_MS;
    const busy = rows.map((row) =>
      row.status === 'scheduled'
        ? { start: new Date(row.scheduled_datetime!).getTime(), end: new Date(row.scheduled_end!).getTime() }
        : { start: new Date(row.held_start!).getTime(), end: new Date(row.held_start!).getTime() + session },
    );
    return { zone, weekly, blocked, busy };
  }
}
