// The therapist's time picker for scheduling and moving: a day, that day's free slots as buttons, its sessions and held
// requests listed, and a free time field (staff may choose any future time, inside the working hours or not).
import { useQuery } from '@tanstack/react-query';
import { meetingsApi } from '../../api/meetings';
import { TextField } from '../../components/Field';
import { availabilityKeys, calendarKeys } from '../../features/sessions/query-keys';
import { clockTime, formatDay, localInputValue } from '../../lib/practice-time';

interface Props {
  /** YYYY-MM-DDTHH:mm in the practice zone ('' while nothing is chosen). */
  value: string;
  onChange: (local: string) => void;
  zone: string;
  /** The appointment being scheduled or moved: named as such in the day's list. */
  ownId: string;
  /** The slot the request holds (its own hold is not among the free slots, so it is offered apart). */
  requestedStart?: string | null;
  error: unknown;
}

export function DaySlotPicker({ value, onChange, zone, ownId, requestedStart, error }: Props) {
  const day = value.slice(0, 10);
  const time = value.slice(11, 16);
  const validDay = /^\d{4}-\d{2}-\d{2}$/.test(day);
  const slots = useQuery({
    queryKey: availabilityKeys.slots(day, day),
    queryFn: () => meetingsApi.availableSlots(day, day),
    enabled: validDay,
  });
  const calendar = useQuery({ queryKey: calendarKeys.range(day, day), queryFn: () => meetingsApi.calendar(day, day), enabled: validDay });
  const requested = requestedStart && localInputValue(requestedStart, zone).slice(0, 10) === day ? clockTime(requestedStart, zone) : null;
  const times = [...new Set([...(slots.data ?? []).map((slot) => clockTime(slot.start, zone)), ...(requested ? [requested] : [])])].sort();
  const entries = (calendar.data?.entries ?? []).filter((entry) => entry.status !== 'cancelled');
  const blocked = calendar.data?.blocked_dates.find((blockedDay) => blockedDay.date === day);
  const dayLabel = validDay ? formatDay(day, { weekday: 'long', day: 'numeric', month: 'long' }) : '';

  return (
    <fieldset className="slot-picker stack">
      <legend>Date and time ({zone})</legend>
      <div className="row">
        <TextField
          label="Day"
          name="scheduled_date"
          type="date"
          required
          value={day}
          onChange={(event) => onChange(`${event.target.value}T${time}`)}
        />
        <TextField
          label="Time"
          name="scheduled_datetime"
          type="time"
          required
          value={time}
          onChange={(event) => onChange(`${day}T${event.target.value}`)}
          error={error}
          hint="Any time: a free slot below, or one you type."
        />
      </div>
      {validDay && (
        <>
          <div aria-live="polite">
            <p className="small muted">
              {slots.isPending ? 'Looking for free times…' : times.length === 0 ? `No free slots on ${dayLabel}.` : `Free on ${dayLabel}:`}
            </p>
            {times.length > 0 && (
              <div className="chips slot-chips" role="group" aria-label={`Free times on ${dayLabel}`}>
                {times.map((slot) => (
                  <button
                    key={slot}
                    type="button"
                    className="chip slot-chip"
                    aria-pressed={slot === time}
                    aria-label={slot === requested ? `${slot} (requested)` : slot}
                    onClick={() => onChange(`${day}T${slot}`)}
                  >
                    <span>{slot}</span>
                    {slot === requested && <small className="your-time">requested</small>}
                  </button>
                ))}
              </div>
            )}
          </div>
          <div className="day-sessions" aria-label={`Sessions on ${dayLabel}`}>
            {blocked && <p className="small calendar-blocked">Blocked{blocked.note ? `: ${blocked.note}` : ''}</p>}
            <p className="small muted">{entries.length === 0 ? 'No sessions that day.' : 'That day:'}</p>
            {entries.length > 0 && (
              <ul className="plain small">
                {entries.map((entry) => (
                  <li key={entry.id}>
                    {clockTime(entry.start, zone)}–{clockTime(entry.end, zone)} · {entry.client_name}
                    {entry.kind === 'held' && ' (requested, held)'}
                    {entry.id === ownId && <strong> · this one</strong>}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      )}
    </fieldset>
  );
}
