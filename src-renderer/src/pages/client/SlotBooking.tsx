// Booking a real free slot in three taps: pick a time (grouped by day, the practice's time and the client's own beside
// it when they differ), add a reason if you like, send. The slot is held for you until the therapist confirms it.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { AvailableSlot } from '@shared/api-types';
import { meetingsApi } from '../../api/meetings';
import { useSession } from '../../api/useSession';
import { TextArea } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { Empty, QueryView } from '../../components/States';
import { useAction } from '../../components/useAction';
import { usePracticeInfo } from '../../features/practice/use-practice-info';
import { appointmentKeys, availabilityKeys } from '../../features/sessions/query-keys';
import { onSubmit, useFields } from '../../lib/forms';
import { browserZone, clockTime, formatDay, localInputValue } from '../../lib/practice-time';
import { ContactFields } from './ContactFields';

const DAYS_SHOWN = 31;
const FIRST_DAYS = 7;

/** YYYY-MM-DD plus `days`, as calendar arithmetic (no zone involved). */
function plusDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

function byDay(slots: AvailableSlot[]): [string, AvailableSlot[]][] {
  const days = new Map<string, AvailableSlot[]>();
  for (const slot of slots) days.set(slot.date, [...(days.get(slot.date) ?? []), slot]);
  return [...days.entries()];
}

export function SlotBooking({ moving, onNoneFit }: { moving: string | null; onNoneFit: () => void }) {
  const session = useSession();
  const navigate = useNavigate();
  const practice = usePracticeInfo();
  const practiceZone = practice.data?.practice_timezone ?? null;
  const clientZone = session?.user.time_zone ?? browserZone();
  const from = practiceZone ? plusDays(localInputValue(new Date().toISOString(), practiceZone).slice(0, 10), 1) : null;
  const to = from ? plusDays(from, DAYS_SHOWN - 1) : null;
  const slots = useQuery({
    queryKey: availabilityKeys.slots(from ?? '', to ?? ''),
    queryFn: () => meetingsApi.availableSlots(from!, to!),
    enabled: from !== null,
  });
  const [chosen, setChosen] = useState<AvailableSlot | null>(null);
  const [allDays, setAllDays] = useState(false);
  const user = session?.user;
  const { values: contact, bind } = useFields({
    first_name: user?.first_name ?? '',
    last_name: user?.last_name ?? '',
    email: user?.email ?? '',
    phone: user?.phone_number ?? '',
    reason: '',
  });
  const book = useAction({
    run: () => {
      const input = { ...contact, requested_start: chosen!.start };
      return moving ? meetingsApi.requestReschedule(moving, input) : meetingsApi.bookSlot(input);
    },
    done: (answer) =>
      answer.status === 'scheduled'
        ? 'Your session is booked. The confirmation with the video link is on its way by email.'
        : 'The time is held for you. You will get an email once the therapist has confirmed it.',
    invalidates: [appointmentKeys.mine(), availabilityKeys.all],
    after: () => navigate('/client/appointments'),
    errorsInForm: true,
  });
  const zonesDiffer = practiceZone !== null && clientZone !== practiceZone;
  const label = (slot: AvailableSlot) => (practiceZone ? clockTime(slot.start, practiceZone) : '');

  return (
    <form onSubmit={onSubmit(book.mutate)} noValidate className="card stack slot-booking">
      <fieldset>
        <legend>Choose a time</legend>
        <p className="hint">
          {zonesDiffer
            ? `Times in the practice's zone (${practiceZone}); your time (${clientZone}) below each.`
            : `Times in ${practiceZone ?? 'the practice zone'}.`}
        </p>
        <QueryView
          query={slots}
          isEmpty={(list) => list.length === 0}
          empty={<Empty title="No free times in the next weeks">Tell the therapist which days suit you instead.</Empty>}
        >
          {(list) => {
            const days = byDay(list);
            return (
              <>
                {(allDays ? days : days.slice(0, FIRST_DAYS)).map(([day, daySlots]) => (
                  <div key={day} className="slot-day">
                    <p className="month-name">{formatDay(day, { weekday: 'long', day: 'numeric', month: 'long' })}</p>
                    <div className="chips slot-chips">
                      {daySlots.map((slot) => (
                        <button
                          key={slot.start}
                          type="button"
                          className="chip slot-chip"
                          aria-pressed={chosen?.start === slot.start}
                          aria-label={`${formatDay(day, { weekday: 'long', day: 'numeric', month: 'long' })} ${label(slot)}${zonesDiffer ? `, ${clockTime(slot.start, clientZone)} your time` : ''}`}
                          onClick={() => setChosen(slot)}
                        >
                          <span>{label(slot)}</span>
                          {zonesDiffer && <small className="your-time">{clockTime(slot.start, clientZone)} yours</small>}
                        </button>
                      ))}
                    </div>
                  </div>
                ))}
                {!allDays && days.length > FIRST_DAYS && (
                  <button type="button" className="button" onClick={() => setAllDays(true)}>
                    Show {days.length - FIRST_DAYS} more days
                  </button>
                )}
              </>
            );
          }}
        </QueryView>
      </fieldset>
      <TextArea label="What would you like to talk about? (optional)" rows={3} maxLength={2000} {...bind('reason', book.error)} />
      <details className="contact-details">
        <summary>
          Contact details: {contact.first_name} {contact.last_name}, {contact.email}
        </summary>
        <ContactFields bind={bind} error={book.error} />
      </details>
      <FormError error={book.error} fields={['first_name', 'last_name', 'email', 'phone', 'reason', 'requested_start']} />
      <button type="submit" className="button primary" disabled={!chosen || book.isPending}>
        {book.isPending
          ? 'Sending…'
          : chosen && practiceZone
            ? `${moving ? 'Move to' : 'Book'} ${formatDay(chosen.date, { weekday: 'short', day: 'numeric', month: 'short' })}, ${label(chosen)}${zonesDiffer ? ` (${clockTime(chosen.start, clientZone)} your time)` : ''}`
            : 'Choose a time above'}
      </button>
      <button type="button" className="link-button" onClick={onNoneFit}>
        None of these times work for me
      </button>
    </form>
  );
}
