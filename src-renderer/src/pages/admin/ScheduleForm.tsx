// Scheduling: a day with its free slots and sessions (or any typed time) in the practice's zone, sent to the API as
// UTC. A request that holds a slot starts on it, and "Confirm requested time" books it as the client chose.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/errors';
import { meetingsApi } from '../../api/meetings';
import type { Appointment, TimeSlot } from '@shared/api-types';
import { FormError } from '../../components/FormError';
import { onSubmit } from '../../lib/forms';
import { availabilityKeys } from '../../features/sessions/query-keys';
import { formatDateTime, localInputValue, practiceTimeToUtc } from '../../lib/practice-time';
import { useAppointmentAction } from './appointment-updates';
import { DaySlotPicker } from './DaySlotPicker';
import { DurationSelect } from './DurationSelect';
import { AllowBlockedDate } from './SessionActions';

const SLOT_START: Record<TimeSlot, string> = { morning: '09:00', afternoon: '13:00', evening: '18:00' };

/** The held slot, else the client's first wish as a starting point: their first date at the start of their first slot. */
function suggestedStart(appointment: Appointment, zone: string): string {
  if (appointment.requested_start) return localInputValue(appointment.requested_start, zone);
  const day = appointment.preferred_dates[0];
  const slot = appointment.preferred_time_slots[0];
  return day && slot ? `${day}T${SLOT_START[slot]}` : '';
}

export function ScheduleForm({ appointment, zone }: { appointment: Appointment; zone: string }) {
  const [start, setStart] = useState(() => suggestedStart(appointment, zone));
  const weekly = useQuery({ queryKey: availabilityKeys.weekly(), queryFn: meetingsApi.availability });
  const sessionMinutes = weekly.data?.session_minutes ?? 50;
  const [chosenDuration, setDuration] = useState<number | null>(null);
  const duration = chosenDuration ?? sessionMinutes;
  const [allowBlocked, setAllowBlocked] = useState(false);
  const requested = appointment.requested_start ? localInputValue(appointment.requested_start, zone) : null;
  // The held slot as the client chose it (the practice's session length): the server confirms it with no time given.
  const confirmsRequest = requested !== null && start === requested && duration === sessionMinutes && !allowBlocked;
  const schedule = useAppointmentAction(
    async () => {
      if (confirmsRequest) return meetingsApi.confirmSlot(appointment.id);
      const utc = await practiceTimeToUtc(start, zone);
      if (!utc) throw new ApiError(400, { scheduled_datetime: ['Choose a date and time.'] });
      return meetingsApi.schedule(appointment.id, utc, duration, allowBlocked);
    },
    (scheduled) => `Scheduled for ${formatDateTime(scheduled.scheduled_datetime!, zone)}. The client gets an email with the link.`,
  );
  const blocked = schedule.error instanceof ApiError && schedule.error.code === 'blocked_date';
  return (
    <form className="card stack" onSubmit={onSubmit(schedule.mutate)} noValidate aria-labelledby="schedule-title">
      <h3 id="schedule-title">Schedule</h3>
      <DaySlotPicker
        value={start}
        onChange={setStart}
        zone={zone}
        ownId={appointment.id}
        requestedStart={appointment.requested_start}
        error={schedule.error}
      />
      <DurationSelect value={duration} onChange={setDuration} alsoOffer={sessionMinutes} error={schedule.error} />
      {/* A clash names the session it overlaps ("This time overlaps Tom K., 10:00–10:50."). */}
      <FormError error={schedule.error} fields={['scheduled_datetime', 'scheduled_duration']} />
      {(blocked || allowBlocked) && <AllowBlockedDate checked={allowBlocked} onChange={setAllowBlocked} />}
      <button type="submit" className="button primary" disabled={schedule.isPending}>
        {schedule.isPending ? 'Scheduling…' : confirmsRequest ? 'Confirm requested time' : 'Schedule and email the client'}
      </button>
    </form>
  );
}
