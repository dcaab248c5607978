// Dates and times as people in the practice read them: in the practice's time zone, with the zone named.

/** "Mon, 30 Mar 2026, 10:00 CEST" for an ISO instant, in `zone`. */
export function formatDateTime(iso: string, zone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** "Mon, 30 Mar 2026" for a YYYY-MM-DD calendar day (already a practice-zone day: no conversion). */
export function formatDay(day: string, options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }): string {
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
