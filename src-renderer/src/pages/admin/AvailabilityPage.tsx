// When clients may ask for sessions: the weekly days, and single dates blocked (holidays, training days).
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { meetingsApi } from '../../api/meetings';
import { appointmentKeys, availabilityKeys } from '../../features/sessions/query-keys';
import { TextField } from '../../components/Field';
import { ApiError } from '../../api/errors';
import { FormError } from '../../components/FormError';
import { Empty, QueryView } from '../../components/States';
import { useAction } from '../../components/useAction';
import { onSubmit, toggled, useFields } from '../../lib/forms';
import { formatDay } from '../../lib/practice-time';
import { WorkingHoursForm } from './WorkingHoursForm';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function WeeklyDays() {
  const weekly = useQuery({ queryKey: availabilityKeys.weekly(), queryFn: meetingsApi.availability });
  const [days, setDays] = useState<number[]>([]);
  useEffect(() => {
    if (weekly.data) setDays(weekly.data.available_days);
  }, [weekly.data]);
  const save = useAction({
    run: () => meetingsApi.setAvailability([...days].sort()),
    done: (saved) =>
      saved.available_days_display.length
        ? `Clients can now ask for ${saved.available_days_display.join(', ')}.`
        : 'No weekday is open for requests now.',
    stores: () => availabilityKeys.weekly(),
    invalidates: [availabilityKeys.availableDates()],
    errorsInForm: true,
  });
  return (
    <form className="card stack" onSubmit={onSubmit(save.mutate)} aria-labelledby="weekly-title">
      <h2 id="weekly-title">Weekly days</h2>
      <QueryView query={weekly}>
        {() => (
          <fieldset>
            <legend className="visually-hidden">Days clients may request</legend>
            <div className="chips">
              {DAYS.map((name, day) => (
                <label key={name} className="chip check-chip">
                  <input type="checkbox" checked={days.includes(day)} onChange={() => setDays((current) => toggled(current, day))} />
                  {name}
                </label>
              ))}
            </div>
          </fieldset>
        )}
      </QueryView>
      <FormError error={save.error} fields={[]} />
      <div>
        <button type="submit" className="button primary" disabled={save.isPending || !weekly.data}>
          {save.isPending ? 'Saving…' : 'Save weekly days'}
        </button>
      </div>
    </form>
  );
}

function BlockedDates() {
  const blocked = useQuery({ queryKey: availabilityKeys.blockedDates(), queryFn: meetingsApi.blockedDates });
  const empty = { date: '', note: '' };
  const { values, setValues, bind } = useFields(empty);
  const invalidates = [availabilityKeys.blockedDates(), availabilityKeys.availableDates()];
  const block = useAction({
    // A date with sessions answers 409 sessions_on_date first; the therapist then keeps or cancels them.
    run: (onExisting: 'keep' | 'cancel' | undefined) => meetingsApi.blockDate(values.date, values.note, onExisting),
    done: (added, onExisting) =>
      `${formatDay(added.date)} is blocked.${onExisting === 'cancel' ? ' Its sessions are cancelled and the clients emailed.' : onExisting === 'keep' ? ' Its sessions stay booked.' : ''}`,
    invalidates: [...invalidates, appointmentKeys.all],
    after: () => setValues(empty),
    errorsInForm: true,
  });
  const sessionsOnDate =
    block.error instanceof ApiError && block.error.code === 'sessions_on_date' && Array.isArray(block.error.body.sessions)
      ? block.error.body.sessions.length
      : 0;
  const unblock = useAction({ run: meetingsApi.unblockDate, done: (_, day) => `${formatDay(day)} is open again.`, invalidates });
  return (
    <div className="card stack">
      <h2 id="blocked-title">Blocked dates</h2>
      <form className="inline-form" onSubmit={onSubmit(() => block.mutate(undefined))} noValidate aria-labelledby="blocked-title">
        <TextField label="Date" type="date" required {...bind('date', block.error)} />
        <TextField label="Note (optional)" maxLength={200} {...bind('note', block.error)} />
        <button type="submit" className="button primary" disabled={block.isPending}>
          {block.isPending ? 'Blocking…' : 'Block date'}
        </button>
      </form>
      <FormError error={block.error} fields={['date', 'note']} />
      {sessionsOnDate > 0 && (
        <div className="actions-row">
          <button type="button" className="button secondary" disabled={block.isPending} onClick={() => block.mutate('keep')}>
            Block it and keep the {sessionsOnDate === 1 ? 'session' : `${sessionsOnDate} sessions`}
          </button>
          <button type="button" className="button danger" disabled={block.isPending} onClick={() => block.mutate('cancel')}>
            Block it and cancel {sessionsOnDate === 1 ? 'the session' : 'them'} (clients are emailed)
          </button>
        </div>
      )}
      <QueryView query={blocked} isEmpty={(page) => page.count === 0} empty={<Empty title="No blocked dates" />}>
        {(page) => (
          <ul className="plain blocked-list">
            {page.results.map((entry) => (
              <li key={entry.date}>
                <span>
                  <strong>{formatDay(entry.date)}</strong>
                  {entry.note && <span className="muted"> · {entry.note}</span>}
                </span>
                <button
                  type="button"
                  className="button secondary small"
                  disabled={unblock.isPending}
                  onClick={() => unblock.mutate(entry.date)}
                >
                  Unblock<span className="visually-hidden"> {formatDay(entry.date)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </div>
  );
}

export function AvailabilityPage() {
  return (
    <section aria-labelledby="availability-title" className="stack">
      <h1 id="availability-title">Availability</h1>
      <p className="muted">Clients can ask for the open days of the next 30 days. You can still schedule any time yourself.</p>
      <WeeklyDays />
      <WorkingHoursForm />
      <BlockedDates />
    </section>
  );
}
