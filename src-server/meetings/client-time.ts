// A session's time for a client's mail: the practice time, and the client's local time beside it when their zone
// differs ("… (Europe/Berlin, UTC+01:00) – 04:00 your time (America/New_York)").
import { DateTime } from 'luxon';
import { describePracticeTime } from './practice-time.js';

export function describeWithClientTime(instant: Date, practiceZone: string, clientZone: string | null): string {
  const practice = describePracticeTime(instant, practiceZone);
  if (!clientZone || clientZone === practiceZone) return practice;
  const local = DateTime.fromJSDate(instant, { zone: clientZone }).setLocale('en-GB');
  const practiceDate = DateTime.fromJSDate(instant, { zone: practiceZone }).toISODate();
  // Name the client's day too when it is not the practice's (an evening session may be the next morning there).
  const clock = local.toISODate() === practiceDate ? local.toFormat('HH:mm') : local.toFormat("cccc, d LLLL 'at' HH:mm");
  return `${practice} – ${clock} your time (${clientZone})`;
}
