// Working hours: weekday → ordered, non-overlapping local intervals; the seed's available_days are derived from them,
// and a seed client that only sends available_days gets 09:00–17:00 on those days.
import type { WorkingHours } from '../db/models/weekly-availability.js';

export type { WorkingHours };

export const DEFAULT_INTERVAL: [string, string] = ['09:00', '17:00'];

/** "HH:MM" → minutes after midnight. */
export function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours * 60 + minutes;
}

/** 09:00–17:00 on each of `days`; `keep` carries over the intervals of days that stay available. */
export function hoursForDays(days: number[], keep: WorkingHours | null = null): WorkingHours {
  const hours: WorkingHours = {};
  for (const day of [...days].sort((a, b) => a - b))
    hours[String(day)] = keep?.[String(day)]?.length ? keep[String(day)] : [DEFAULT_INTERVAL];
  return hours;
}

/** The weekdays that have at least one interval, ascending. */
export function daysOf(hours: WorkingHours): number[] {
  return Object.entries(hours)
    .filter(([, intervals]) => intervals.length > 0)
    .map(([day]) => Number(day))
    .sort((a, b) => a - b);
}

/** Only weekdays with intervals, in weekday order, each day's intervals sorted: one stored form. */
export function normalizeHours(hours: WorkingHours): WorkingHours {
  const result: WorkingHours = {};
  for (const day of daysOf(hours)) result[String(day)] = [...hours[String(day)]].sort((a, b) => minutesOf(a[0]) - minutesOf(b[0]));
  return result;
}

/**
 * The problems of `hours` as DRF-style messages (empty when valid): each interval starts before it ends, and a day's
 * intervals neither overlap nor come out of order.
 */
export function hoursProblems(hours: WorkingHours): string[] {
  const problems: string[] = [];
  for (const [day, intervals] of Object.entries(hours)) {
    let previousEnd = -1;
    for (const [start, end] of intervals) {
      if (minutesOf(start) >= minutesOf(end)) problems.push(`Day ${day}: ${start}–${end} must start before it ends.`);
      else if (minutesOf(start) < previousEnd) problems.push(`Day ${day}: ${start}–${end} overlaps or comes before the previous interval.`);
      previousEnd = Math.max(previousEnd, minutesOf(end));
    }
  }
  return problems;
}
