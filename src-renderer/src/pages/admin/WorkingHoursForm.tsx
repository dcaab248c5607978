// Working hours per weekday (add or remove intervals) and the booking rules clients' free slots follow: session
// length, buffer, minimum notice, horizon, and whether a request for a free slot is confirmed at once.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { WeeklyAvailability } from '@shared/api-types';
import { meetingsApi } from '../../api/meetings';
import { fieldMessages } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { QueryView } from '../../components/States';
import { useAction } from '../../components/useAction';
import { practiceKeys } from '../../features/practice/query-keys';
import { availabilityKeys, calendarKeys } from '../../features/sessions/query-keys';
import { onSubmit } from '../../lib/forms';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
type Hours = WeeklyAvailability['hours'];
type Rules = Pick<WeeklyAvailability, 'session_minutes' | 'buffer_minutes' | 'min_notice_hours' | 'booking_horizon_days' | 'auto_confirm'>;

const NUMBERS: { key: Exclude<keyof Rules, 'auto_confirm'>; label: string; min: number; max: number }[] = [
  { key: 'session_minutes', label: 'Session length (minutes)', min: 15, max: 240 },
  { key: 'buffer_minutes', label: 'Break between sessions (minutes)', min: 0, max: 120 },
  { key: 'min_notice_hours', label: 'Minimum notice (hours)', min: 0, max: 720 },
  { key: 'booking_horizon_days', label: 'Bookable ahead (days)', min: 1, max: 365 },
];

export function WorkingHoursForm() {
  const weekly = useQuery({ queryKey: availabilityKeys.weekly(), queryFn: meetingsApi.availability });
  const [hours, setHours] = useState<Hours>({});
  const [rules, setRules] = useState<Rules | null>(null);
  useEffect(() => {
    if (!weekly.data) return;
    setHours(weekly.data.hours);
    const { session_minutes, buffer_minutes, min_notice_hours, booking_horizon_days, auto_confirm } = weekly.data;
    setRules({ session_minutes, buffer_minutes, min_notice_hours, booking_horizon_days, auto_confirm });
  }, [weekly.data]);
  const save = useAction({
    run: () => meetingsApi.updateAvailability({ hours, ...rules! }),
    done: () => 'Working hours saved: clients see the new free times at once.',
    stores: () => availabilityKeys.weekly(),
    // auto_confirm is a practice setting too: the settings read it from the same place.
    invalidates: [availabilityKeys.all, calendarKeys.all, practiceKeys.settings()],
    errorsInForm: true,
  });
  const setInterval = (day: number, index: number, edge: 0 | 1, value: string) =>
    setHours((current) => ({
      ...current,
      [day]: (current[day] ?? []).map((interval, i) =>
        i === index ? ((edge === 0 ? [value, interval[1]] : [interval[0], value]) as [string, string]) : interval,
      ),
    }));
  const addInterval = (day: number) =>
    setHours((current) => {
      const intervals = current[day] ?? [];
      const last = intervals.at(-1);
      const next: [string, string] = last
        ? [last[1] < '18:00' ? '18:00' : last[1], last[1] < '18:00' ? '20:00' : '23:00']
        : ['09:00', '17:00'];
      return { ...current, [day]: [...intervals, next] };
    });
  const removeInterval = (day: number, index: number) =>
    setHours((current) => ({ ...current, [day]: (current[day] ?? []).filter((_, i) => i !== index) }));
  const hourErrors = fieldMessages(save.error, 'hours');

  return (
    <form className="card stack" onSubmit={onSubmit(save.mutate)} aria-labelledby="hours-title">
      <h2 id="hours-title">Working hours and booking rules</h2>
      <QueryView query={weekly}>
        {() => (
          <>
            <div className="hours-grid">
              {DAYS.map((name, day) => (
                <fieldset key={name} className="hours-day">
                  <legend>{name}</legend>
                  {(hours[day] ?? []).length === 0 && <p className="hint">Not working</p>}
                  {(hours[day] ?? []).map(([start, end], index) => (
                    <div key={index} className="hours-interval">
                      <input
                        type="time"
                        aria-label={`${name} from`}
                        value={start}
                        onChange={(event) => setInterval(day, index, 0, event.target.value)}
                      />
                      <span aria-hidden="true">–</span>
                      <input
                        type="time"
                        aria-label={`${name} until`}
                        value={end}
                        onChange={(event) => setInterval(day, index, 1, event.target.value)}
                      />
                      <button
                        type="button"
                        className="button small"
                        aria-label={`Remove ${name} ${start}–${end}`}
                        onClick={() => removeInterval(day, index)}
                      >
                        ✕
                      </button>
                    </div>
                  ))}
                  <button type="button" className="link-button hours-add" onClick={() => addInterval(day)}>
                    + Add hours
                  </button>
                </fieldset>
              ))}
            </div>
            {hourErrors.length > 0 && <p className="field-error">{hourErrors.join(' ')}</p>}
            {rules && (
              <div className="row hours-rules">
                {NUMBERS.map(({ key, label, min, max }) => (
                  <label key={key} className="field">
                    <span className="label">{label}</span>
                    <input
                      type="number"
                      min={min}
                      max={max}
                      value={rules[key]}
                      onChange={(event) => setRules({ ...rules, [key]: Number(event.target.value) })}
                    />
                    {fieldMessages(save.error, key).map((message) => (
                      <span key={message} className="field-error">
                        {message}
                      </span>
                    ))}
                  </label>
                ))}
              </div>
            )}
            {rules && (
              <label className="check-row">
                <input
                  type="checkbox"
                  checked={rules.auto_confirm}
                  onChange={(event) => setRules({ ...rules, auto_confirm: event.target.checked })}
                />
                Confirm a request for a free time at once (the client gets the video link straight away)
              </label>
            )}
          </>
        )}
      </QueryView>
      <FormError error={save.error} fields={['hours', ...NUMBERS.map((number) => number.key)]} />
      <div>
        <button type="submit" className="button primary" disabled={save.isPending || !rules}>
          {save.isPending ? 'Saving…' : 'Save working hours'}
        </button>
      </div>
    </form>
  );
}
