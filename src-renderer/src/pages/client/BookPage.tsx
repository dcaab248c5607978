// Booking: a free slot in three taps (SlotBooking); "none of these times work" opens the older form — up to five open
// dates, the times of day that suit, a reason — and the therapist then picks the time. With ?move=<session id> either
// form asks to move that session (it stays booked until the new time is confirmed).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { meetingsApi } from '../../api/meetings';
import { useAction } from '../../components/useAction';
import { appointmentKeys, availabilityKeys } from '../../features/sessions/query-keys';
import type { TimeSlot } from '@shared/api-types';
import { useSession } from '../../api/useSession';
import { fieldMessages, TextArea } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { Empty, QueryView } from '../../components/States';
import { onSubmit, toggled, useFields } from '../../lib/forms';
import { formatDay, TIME_SLOT_LABELS } from '../../lib/practice-time';
import { ContactFields } from './ContactFields';
import { SlotBooking } from './SlotBooking';

const MAX_DATES = 5;
const SLOTS = Object.keys(TIME_SLOT_LABELS) as TimeSlot[];

/** YYYY-MM-DD days grouped by their YYYY-MM month, in order. */
function byMonth(days: string[]): [string, string[]][] {
  const months = new Map<string, string[]>();
  for (const day of days) months.set(day.slice(0, 7), [...(months.get(day.slice(0, 7)) ?? []), day]);
  return [...months.entries()];
}

export function BookPage() {
  const session = useSession();
  const navigate = useNavigate();
  const moving = useSearchParams()[0].get('move');
  const dates = useQuery({ queryKey: availabilityKeys.availableDates(), queryFn: meetingsApi.availableDates });
  const user = session?.user;
  const { values: contact, bind } = useFields({
    first_name: user?.first_name ?? '',
    last_name: user?.last_name ?? '',
    email: user?.email ?? '',
    phone: user?.phone_number ?? '',
    reason: '',
  });
  const [preferredDates, setPreferredDates] = useState<string[]>([]);
  const [slots, setSlots] = useState<TimeSlot[]>([]);
  const [preferences, setPreferences] = useState(false);
  const book = useAction({
    run: () => {
      const input = { ...contact, preferred_dates: preferredDates, preferred_time_slots: slots };
      return moving ? meetingsApi.requestReschedule(moving, input) : meetingsApi.book(input);
    },
    done: () =>
      moving
        ? 'Your request to move the session is sent. The session stays booked until the new time is confirmed by email.'
        : 'Your request is sent. You will get an email once the therapist has scheduled it.',
    invalidates: [appointmentKeys.mine()],
    after: () => navigate('/client/appointments'),
    errorsInForm: true,
  });
  const dateErrors = fieldMessages(book.error, 'preferred_dates');
  const slotErrors = fieldMessages(book.error, 'preferred_time_slots');

  if (!preferences) {
    return (
      <section aria-labelledby="book-title">
        <h1 id="book-title">{moving ? 'Move your session' : 'Book a session'}</h1>
        <p className="muted">
          {moving
            ? 'Pick a new time; your session stays booked until the therapist confirms it.'
            : 'Pick a free time. It is held for you until the therapist confirms it by email.'}
        </p>
        <SlotBooking moving={moving} onNoneFit={() => setPreferences(true)} />
      </section>
    );
  }

  return (
    <section aria-labelledby="book-title">
      <h1 id="book-title">{moving ? 'Ask to move your session' : 'Book a session'}</h1>
      <p className="muted">
        {moving
          ? 'Choose the days and times that would suit you instead; your session stays booked until the therapist confirms a new time. '
          : ''}
        Choose the days and times that suit you. The therapist picks the exact time and confirms it by email.
      </p>
      <form onSubmit={onSubmit(book.mutate)} noValidate className="card stack">
        <fieldset aria-describedby="dates-help">
          <legend>Preferred dates</legend>
          <p id="dates-help" className="hint">
            Up to {MAX_DATES} dates · {preferredDates.length} chosen
          </p>
          <QueryView
            query={dates}
            isEmpty={(list) => list.length === 0}
            empty={<Empty title="No open dates right now">Please check again in a few days.</Empty>}
          >
            {(list) =>
              byMonth(list).map(([month, days]) => (
                <div key={month} className="month">
                  <p className="month-name" aria-hidden="true">
                    {formatDay(`${month}-01`, { month: 'long', year: 'numeric' })}
                  </p>
                  <div className="chips date-chips">
                    {days.map((day) => {
                      const chosen = preferredDates.includes(day);
                      return (
                        <button
                          key={day}
                          type="button"
                          className="chip"
                          aria-pressed={chosen}
                          aria-label={formatDay(day, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}
                          disabled={!chosen && preferredDates.length >= MAX_DATES}
                          onClick={() => setPreferredDates((current) => toggled(current, day).sort())}
                        >
                          {formatDay(day, { weekday: 'short', day: 'numeric' })}
                        </button>
                      );
                    })}
                  </div>
                </div>
              ))
            }
          </QueryView>
          {dateErrors.length > 0 && <p className="field-error">{dateErrors.join(' ')}</p>}
        </fieldset>
        <fieldset>
          <legend>Times of day</legend>
          <div className="chips">
            {SLOTS.map((slot) => (
              <label key={slot} className="chip check-chip">
                <input type="checkbox" checked={slots.includes(slot)} onChange={() => setSlots((current) => toggled(current, slot))} />
                {TIME_SLOT_LABELS[slot]}
              </label>
            ))}
          </div>
          {slotErrors.length > 0 && <p className="field-error">{slotErrors.join(' ')}</p>}
        </fieldset>
        <TextArea label="What would you like to talk about? (optional)" rows={4} maxLength={2000} {...bind('reason', book.error)} />
        <fieldset>
          <legend>Contact details</legend>
          <ContactFields bind={bind} error={book.error} />
        </fieldset>
        <FormError
          error={book.error}
          fields={['first_name', 'last_name', 'email', 'phone', 'reason', 'preferred_dates', 'preferred_time_slots']}
        />
        <button type="submit" className="button primary" disabled={book.isPending}>
          {book.isPending ? 'Sending your request…' : moving ? 'Ask to move the session' : 'Request appointment'}
        </button>
        <button type="button" className="link-button" onClick={() => setPreferences(false)}>
          Show the free times instead
        </button>
      </form>
    </section>
  );
}
