// When clients may ask for sessions: the weekly days, and single dates blocked (holidays, training days).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/errors';
import { meetingsApi } from '../../api/meetings';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { Empty, QueryView } from '../../components/States';
import { useToast } from '../../components/Toasts';
import { formatDay } from '../../lib/practice-time';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function WeeklyDays() {
  const toast = useToast();
  const queryClient = useQueryClient();
  const weekly = useQuery({ queryKey: ['availability'], queryFn: meetingsApi.availability });
  const [days, setDays] = useState<number[]>([]);
  useEffect(() => {
    if (weekly.data) setDays(weekly.data.available_days);
  }, [weekly.data]);
  const save = useMutation({
    mutationFn: () => meetingsApi.setAvailability([...days].sort()),
    onSuccess: (saved) => {
      queryClient.setQueryData(['availability'], saved);
      void queryClient.invalidateQueries({ queryKey: ['available-dates'] });
      toast.success(saved.available_days_display.length ? `Clients can now ask for ${saved.available_days_display.join(', ')}.` : 'No weekday is open for requests now.');
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="weekly-title">
      <h2 id="weekly-title">Weekly days</h2>
      <QueryView query={weekly}>
        {() => (
          <fieldset>
            <legend className="visually-hidden">Days clients may request</legend>
            <div className="chips">
              {DAYS.map((name, day) => (
                <label key={name} className="chip check-chip">
                  <input type="checkbox" checked={days.includes(day)} onChange={() => setDays((current) => (current.includes(day) ? current.filter((d) => d !== day) : [...current, day]))} />
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
  const toast = useToast();
  const queryClient = useQueryClient();
  const blocked = useQuery({ queryKey: ['blocked-dates'], queryFn: meetingsApi.blockedDates });
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: ['blocked-dates'] });
    void queryClient.invalidateQueries({ queryKey: ['available-dates'] });
  };
  const block = useMutation({
    mutationFn: () => meetingsApi.blockDate(date, note),
    onSuccess: (added) => {
      changed();
      setDate('');
      setNote('');
      toast.success(`${formatDay(added.date)} is blocked.`);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const unblock = useMutation({
    mutationFn: meetingsApi.unblockDate,
    onSuccess: (_, day) => {
      changed();
      toast.success(`${formatDay(day)} is open again.`);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    block.mutate();
  };
  return (
    <div className="card stack">
      <h2 id="blocked-title">Blocked dates</h2>
      <form className="inline-form" onSubmit={submit} noValidate aria-labelledby="blocked-title">
        <TextField label="Date" name="date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} error={block.error} />
        <TextField label="Note (optional)" name="note" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} error={block.error} />
        <button type="submit" className="button primary" disabled={block.isPending}>
          {block.isPending ? 'Blocking…' : 'Block date'}
        </button>
      </form>
      <FormError error={block.error} fields={['date', 'note']} />
      <QueryView query={blocked} isEmpty={(page) => page.count === 0} empty={<Empty title="No blocked dates" />}>
        {(page) => (
          <ul className="plain blocked-list">
            {page.results.map((entry) => (
              <li key={entry.date}>
                <span>
                  <strong>{formatDay(entry.date)}</strong>
                  {entry.note && <span className="muted"> · {entry.note}</span>}
                </span>
                <button type="button" className="button secondary small" disabled={unblock.isPending} onClick={() => unblock.mutate(entry.date)}>
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
      <BlockedDates />
    </section>
  );
}
