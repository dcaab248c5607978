// Calendar days and clock times in the practice's time zone: available dates and every time shown are read in it, wherever the client is.
import { DateTime } from 'luxon';
import { ValidationError } from '../http/errors.js';

/** The calendar day of `instant` in `zone`: the start of that day there, as a DateTime (`.toISODate()` gives YYYY-MM-DD). */
export function practiceDay(instant: Date, zone: string): DateTime {
  return DateTime.fromJSDate(instant, { zone }).startOf('day');
}

/** A time as people read it, naming the zone and its offset that day: "Monday, 30 March 2026 at 10:00 (Europe/Berlin, UTC+02:00)". */
export function describePracticeTime(instant: Date, zone: string): string {
  const local = DateTime.fromJSDate(instant, { zone }).setLocale('en-GB');
  return `${local.toFormat("cccc, d LLLL yyyy 'at' HH:mm")} (${zone}, UTC${local.toFormat('ZZ')})`;
}

/** The first and last day of a `from`/`to` query (practice-zone days, inclusive, at most `maxDays`); 400s name the field. */
export function practiceDayRange(from: string, to: string, zone: string, maxDays: number): { first: DateTime; last: DateTime } {
  const first = DateTime.fromISO(from, { zone });
  const last = DateTime.fromISO(to, { zone });
  if (!first.isValid) throw ValidationError.field('from', 'Enter a valid date.');
  if (!last.isValid) throw ValidationError.field('to', 'Enter a valid date.');
  if (last < first) throw ValidationError.field('to', 'Must not be before from.');
  if (last.diff(first, 'days').days >= maxDays) throw ValidationError.field('to', `At most ${maxDays} days from from.`);
  return { first, last };
}
