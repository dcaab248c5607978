// Calendar days and clock times in the practice's time zone: available dates and every time shown are read in it, wherever the client is.
import { DateTime } from 'luxon';

/** The calendar day of `instant` in `zone`: the start of that day there, as a DateTime (`.toISODate()` gives YYYY-MM-DD). */
export function practiceDay(instant: Date, zone: string): DateTime {
  return DateTime.fromJSDate(instant, { zone }).startOf('day');
}

/** A time as people read it, naming the zone and its offset that day: "Monday, 30 March 2026 at 10:00 (Europe/Berlin, UTC+02:00)". */
export function describePracticeTime(instant: Date, zone: string): string {
  const local = DateTime.fromJSDate(instant, { zone }).setLocale('en-GB');
  return `${local.toFormat("cccc, d LLLL yyyy 'at' HH:mm")} (${zone}, UTC${local.toFormat('ZZ')})`;
}
