// The therapist's week at a glance (one day at a time on a phone): sessions, slots held by pending requests and
// blocked days, in the practice zone. A session or request opens its drawer; a held slot is confirmed in one click; a
// free time opens "schedule a pending request here".
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { AvailableSlot, CalendarSession } from '@shared/api-types';
import { meetingsApi } from '../../api/meetings';
import { QueryView } from '../../components/States';
import { useAction } from '../../components/useAction';
import { appointmentKeys, availabilityKeys, calendarKeys } from '../../features/sessions/query-keys';
import { clockTime, formatDay, localInputValue } from '../../lib/practice-time';
import { AppointmentDrawer } from './AppointmentDrawer';
import { usePracticeZone } from './practice-zone';
import { ScheduleHereDialog } from './ScheduleHereDialog';

const PHONE_QUERY = '(max-width: 640px)';

function plusDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** The Monday of the week holding `day` (calendar arithmetic on a practice-zone day). */
function mondayOf(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const weekday = (new Date(Date.UTC(year, month - 1, date)).getUTCDay() + 6) % 7;
  return plusDays(day, -weekday);
}

function usePhone(): boolean {
  const [phone, setPhone] = useState(() => window.matchMedia(PHONE_QUERY).matches);
  useEffect(() => {
    const query = window.matchMedia(PHONE_QUERY);
    const changed = () => setPhone(query.matches);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);
  return phone;
}

export function CalendarPage() {
  const zone = usePracticeZone();
  const phone = usePhone();
  const today = localInputValue(new Date().toISOString(), zone).slice(0, 10);
  const [anchor, setAnchor] = useState(today);
  const [open, setOpen] = useState<string | null>(null);
  const from = phone ? anchor : mondayOf(anchor);
  const days = phone ? [anchor] : Array.from({ length: 7 }, (_, index) => plusDays(from, index));
  const to = days.at(-1)!;
  const calendar = useQuery({ queryKey: calendarKeys.range(from, to), queryFn: () => meetingsApi.calendar(from, to) });
  const free = useQuery({ queryKey: availabilityKeys.slots(from, to), queryFn: () => meetingsApi.availableSlots(from, to) });
  const [scheduleAt, setScheduleAt] = useState<AvailableSlot | null>(null);
  const confirm = useAction({
    run: (entry: CalendarSession) => meetingsApi.confirmSlot(entry.id),
    done: () => 'The requested time is confirmed; the client gets the confirmation by email.',
    invalidates: [calendarKeys.all, appointmentKeys.all, availabilityKeys.all],
  });
  const step = phone ? 1 : 7;
  const dayOf = (entry: CalendarSession) => localInputValue(entry.start, zone).slice(0, 10);
  const daySlots = (day: string) => (free.data ?? []).filter((slot) => slot.date === day);

  return (
    <section aria-labelledby="calendar-title" className="calendar-page">
      <div className="card-head">
        <h1 id="calendar-title">{phone ? 'Day' : 'Week'}</h1>
        <div className="calendar-nav">
          <button
            type="button"
            className="button"
            onClick={() => setAnchor(plusDays(anchor, -step))}
            aria-label={phone ? 'Previous day' : 'Previous week'}
          >
            ‹
          </button>
          <button type="button" className="button" onClick={() => setAnchor(today)}>
            Today
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setAnchor(plusDays(anchor, step))}
            aria-label={phone ? 'Next day' : 'Next week'}
          >
            ›
          </button>
        </div>
      </div>
      <QueryView query={calendar}>
        {(view) => {
          const blocked = new Map(view.blocked_dates.map((day) => [day.date, day]));
          return (
            <div className={phone ? 'calendar-grid calendar-day' : 'calendar-grid'}>
              {days.map((day) => {
                const entries = view.entries.filter((entry) => dayOf(entry) === day);
                const block = blocked.get(day);
                return (
                  <div
                    key={day}
                    className={block ? 'calendar-column blocked' : day === today ? 'calendar-column today' : 'calendar-column'}
                  >
                    <h2 className="calendar-date">{formatDay(day, { weekday: 'short', day: 'numeric', month: 'short' })}</h2>
                    {block && <p className="calendar-blocked">Blocked{block.note ? `: ${block.note}` : ''}</p>}
                    {entries.length === 0 && !block && daySlots(day).length === 0 && <p className="hint">Free</p>}
                    {entries.map((entry) => (
                      <div key={entry.id} className={`calendar-entry ${entry.kind}`}>
                        <button type="button" className="link-button" onClick={() => setOpen(entry.id)}>
                          <strong>
                            {clockTime(entry.start, zone)}–{clockTime(entry.end, zone)}
                          </strong>{' '}
                          <span>{entry.client_name}</span>
                          {entry.kind === 'held' && <span className="badge">requested</span>}
                          {entry.series_id && <span className="badge">series</span>}
                        </button>
                        {entry.kind === 'held' && (
                          <button
                            type="button"
                            className="button small primary"
                            disabled={confirm.isPending}
                            onClick={() => confirm.mutate(entry)}
                          >
                            Confirm
                          </button>
                        )}
                      </div>
                    ))}
                    {daySlots(day).length > 0 && (
                      <div
                        className="calendar-free"
                        role="group"
                        aria-label={`Free times on ${formatDay(day, { weekday: 'long', day: 'numeric', month: 'long' })}`}
                      >
                        {daySlots(day).map((slot) => (
                          <button
                            key={slot.start}
                            type="button"
                            className="chip calendar-free-time"
                            aria-label={`Schedule a pending request on ${formatDay(day, { weekday: 'long', day: 'numeric', month: 'long' })} at ${clockTime(slot.start, zone)}`}
                            onClick={() => setScheduleAt(slot)}
                          >
                            {clockTime(slot.start, zone)}
                          </button>
                        ))}
                      </div>
                    )}
                  </div>
                );
              })}
            </div>
          );
        }}
      </QueryView>
      <AppointmentDrawer appointmentId={open} onClose={() => setOpen(null)} />
      <ScheduleHereDialog slot={scheduleAt} zone={zone} onClose={() => setScheduleAt(null)} />
    </section>
  );
}
