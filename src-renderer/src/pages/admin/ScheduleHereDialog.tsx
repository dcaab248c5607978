// A free time clicked in the week view: choose one of the pending requests and schedule it there (the normal
// schedule/ call, so its 409s — a clash, a held slot, a blocked day — show here in the dialog).
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { AvailableSlot } from '@shared/api-types';
import { meetingsApi } from '../../api/meetings';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/FormError';
import { Empty, QueryView } from '../../components/States';
import { useAction } from '../../components/useAction';
import { appointmentKeys, availabilityKeys, calendarKeys } from '../../features/sessions/query-keys';
import { onSubmit } from '../../lib/forms';
import { clientName, formatDateTime, formatDay, TIME_SLOT_LABELS } from '../../lib/practice-time';

const PENDING = { status: 'pending_review', page_size: 100 } as const;

export function ScheduleHereDialog({ slot, zone, onClose }: { slot: AvailableSlot | null; zone: string; onClose: () => void }) {
  const pending = useQuery({
    queryKey: appointmentKeys.list(PENDING),
    queryFn: () => meetingsApi.appointments(PENDING),
    enabled: slot !== null,
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const schedule = useAction({
    run: () => {
      const minutes = Math.round((Date.parse(slot!.end) - Date.parse(slot!.start)) / 60_000);
      return meetingsApi.schedule(chosen!, slot!.start, minutes);
    },
    done: (scheduled) =>
      `${clientName(scheduled)} is scheduled for ${formatDateTime(scheduled.scheduled_datetime!, zone)}. The client gets an email with the link.`,
    invalidates: [appointmentKeys.all, calendarKeys.all, availabilityKeys.all],
    after: onClose,
    errorsInForm: true,
  });
  const { reset } = schedule;
  // A new free time starts afresh: no request chosen, no error of the last one.
  useEffect(() => {
    setChosen(null);
    reset();
  }, [slot?.start, reset]);

  return (
    <Dialog open={slot !== null} title="Schedule a pending request here" onClose={onClose}>
      {slot && (
        <form className="stack" onSubmit={onSubmit(schedule.mutate)} noValidate>
          <p>
            <strong>{formatDateTime(slot.start, zone)}</strong> · {Math.round((Date.parse(slot.end) - Date.parse(slot.start)) / 60_000)}{' '}
            minutes
          </p>
          <QueryView
            query={pending}
            isEmpty={(page) => page.results.length === 0}
            empty={<Empty title="No pending requests">Every request has been answered.</Empty>}
          >
            {(page) => (
              <fieldset className="stack">
                <legend>Which request?</legend>
                {page.results.map((request) => (
                  <label key={request.id} className="check-row pending-choice">
                    <input
                      type="radio"
                      name="request"
                      value={request.id}
                      checked={chosen === request.id}
                      onChange={() => setChosen(request.id)}
                    />
                    <span>
                      <strong>{clientName(request)}</strong>
                      <br />
                      <span className="small muted">
                        {request.requested_start
                          ? `Asked for ${formatDateTime(request.requested_start, zone)}`
                          : `Prefers ${request.preferred_dates.map((day) => formatDay(day, { weekday: 'short', day: 'numeric', month: 'short' })).join(', ')} · ${request.preferred_time_slots.map((time) => TIME_SLOT_LABELS[time]).join(', ')}`}
                      </span>
                    </span>
                  </label>
                ))}
              </fieldset>
            )}
          </QueryView>
          <FormError error={schedule.error} fields={['scheduled_datetime', 'scheduled_duration']} />
          <div>
            <button type="submit" className="button primary" disabled={!chosen || schedule.isPending}>
              {schedule.isPending ? 'Scheduling…' : 'Schedule and email the client'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
