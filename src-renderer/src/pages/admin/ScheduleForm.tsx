// Scheduling: a date and time read in the practice's zone (named beside the input), sent to the API as UTC.
import { useState } from 'react';
import { ApiError } from '../../api/errors';
import { meetingsApi } from '../../api/meetings';
import type { Appointment, TimeSlot } from '@shared/api-types';
import { SelectField, TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { onSubmit } from '../../lib/forms';
import { formatDateTime, practiceTimeToUtc } from '../../lib/practice-time';
import { useAppointmentAction } from './appointment-updates';
import { AllowBlockedDate, DaySessions } from './SessionActions';

const SLOT_START: Record<TimeSlot, string> = { morning: '09:00', afternoon: '13:00', evening: '18:00' };
const DURATIONS = [30, 45, 50, 60, 90, 120];

/** The client's first wish as a starting point: their first date at the start of their first slot. */
function suggestedStart(appointment: Appointment): string {
  const day = appointment.preferred_dates[0];
  const slot = appointment.preferred_time_slots[0];
  return day && slot ? `${day}T${SLOT_START[slot]}` : '';
}

export function ScheduleForm({ appointment, zone }: { appointment: Appointment; zone: string }) {
  const [start, setStart] = useState(() => suggestedStart(appointment));
  const [duration, setDuration] = useState(60);
  const [allowBlocked, setAllowBlocked] = useState(false);
  const schedule = useAppointmentAction(
    async () => {
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
      <div className="row">
        <TextField
          label={`Date and time (${zone})`}
          name="scheduled_datetime"
          type="datetime-local"
          required
          value={start}
          onChange={(event) => setStart(event.target.value)}
          error={schedule.error}
          hint={`In the practice's time zone, ${zone}.`}
        />
        <SelectField label="Duration" name="scheduled_duration" value={duration} onChange={(event) => setDuration(Number(event.target.value))} error={schedule.error}>
          {DURATIONS.map((minutes) => (
            <option key={minutes} value={minutes}>
              {minutes} minutes
            </option>
          ))}
        </SelectField>
      </div>
      <DaySessions excludeId={appointment.id} localStart={start} zone={zone} />
      {/* A clash names the session it overlaps ("This time overlaps Tom K., 10:00–10:50."). */}
      <FormError error={schedule.error} fields={['scheduled_datetime', 'scheduled_duration']} />
      {(blocked || allowBlocked) && <AllowBlockedDate checked={allowBlocked} onChange={setAllowBlocked} />}
      <button type="submit" className="button primary" disabled={schedule.isPending}>
        {schedule.isPending ? 'Scheduling…' : 'Schedule and email the client'}
      </button>
    </form>
  );
}
