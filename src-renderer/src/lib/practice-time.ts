// Dates and times as people in the practice read them: in the practice's time zone, with the zone named.

/** "Mon, 30 Mar 2026, 10:00 CEST" for an ISO instant, in `zone`: 24-hour like every other time on screen. */
export function formatDateTime(iso: string, zone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** "Mon, 30 Mar 2026" for a YYYY-MM-DD calendar day (already a practice-zone day: no conversion). */
export function formatDay(
  day: string,
  options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, date)));
}

/** The calendar day of an ISO instant in `zone`, as a readable date. */
export function formatDate(iso: string, zone: string): string {
  return new Intl.DateTimeFormat(undefined, { timeZone: zone, day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
}

/** The browser's own zone: where a client without the practice zone at hand reads times. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export const TIME_SLOT_LABELS = {
  morning: 'Morning (9–12)',
  afternoon: 'Afternoon (13–17)',
  evening: 'Evening (18–21)',
} as const;

function partsIn(iso: string, zone: string): Record<string, string> {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  return Object.fromEntries(parts.map((part) => [part.type, part.value]));
}

/** An instant as a datetime-local value (YYYY-MM-DDTHH:mm) of the wall clock in `zone`. */
export function localInputValue(iso: string, zone: string): string {
  const p = partsIn(iso, zone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** "10:00" in `zone`, 24-hour whatever the browser's language (an en-US "04:45 AM GMT+1" does not fit a row). */
export function clockTime(iso: string, zone: string): string {
  const p = partsIn(iso, zone);
  return `${p.hour}:${p.minute}`;
}

/** "10:00–10:50" in `zone`. */
export function timeRange(iso: string, minutes: number, zone: string): string {
  return `${clockTime(iso, zone)}–${clockTime(new Date(Date.parse(iso) + minutes * 60_000).toISOString(), zone)}`;
}

/**
 * A wall-clock time in `zone` (from datetime-local) as an ISO UTC instant; null only when the field is empty or
 * unparsable. Luxon never refuses a clock change: a time the spring change skips (02:30 in Berlin on the last Sunday
 * of March) moves forward across the gap (03:30), and a time the autumn change repeats takes the later, standard-time
 * one. The confirmation names the time that was scheduled.
 */
export async function practiceTimeToUtc(local: string, zone: string): Promise<string | null> {
  // Luxon loads on the first scheduling, not with the therapist's pages (the button reads "Scheduling…" meanwhile).
  const { DateTime } = await import('luxon');
  const time = DateTime.fromISO(local, { zone });
  return time.isValid ? time.toUTC().toISO({ suppressMilliseconds: true }) : null;
}

interface Booking {
  first_name: string;
  last_name: string;
  account: { first_name: string; last_name: string; email: string } | null;
}

/** Who the session is with: the account's own name first (the typed contact may name someone else). */
export function clientName(booking: Booking): string {
  const name = booking.account ? `${booking.account.first_name} ${booking.account.last_name}`.trim() : '';
  return name || `${booking.first_name} ${booking.last_name}`.trim() || booking.account?.email || 'Client';
}
