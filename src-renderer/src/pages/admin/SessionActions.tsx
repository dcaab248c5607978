// What staff can do with a scheduled session in its drawer: move it (seeing that day's free slots and sessions), cancel it
// with a reason, and once it has started, record whether the client came. Destructive steps ask first.
import { useState } from 'react';
import type { Appointment, Attendance } from '@shared/api-types';
import { ApiError } from '../../api/errors';
import { meetingsApi } from '../../api/meetings';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextArea } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { onSubmit } from '../../lib/forms';
import { useAppointmentAction } from './appointment-updates';
import { DaySlotPicker } from './DaySlotPicker';
import { DurationSelect } from './DurationSelect';
import { clientName, formatDateTime, localInputValue, practiceTimeToUtc } from '../../lib/practice-time';

/** Offered once the API said the date is blocked: staff may still book it on purpose. */
export function AllowBlockedDate({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} /> Book this blocked date anyway
    </label>
  );
}

export function RescheduleForm({ session, zone }: { session: Appointment; zone: string }) {
  const [start, setStart] = useState(() => localInputValue(session.scheduled_datetime!, zone));
  const [duration, setDuration] = useState(session.scheduled_duration ?? 50);
  const [allowBlocked, setAllowBlocked] = useState(false);
  const move = useAppointmentAction(
    async () => {
      const utc = await practiceTimeToUtc(start, zone);
      if (!utc) throw new ApiError(400, { scheduled_datetime: ['Choose a date and time.'] });
      return meetingsApi.reschedule(session.id, utc, duration, allowBlocked);
    },
    (moved) => `Moved to ${formatDateTime(moved.scheduled_datetime!, zone)}. The client gets an email with the calendar update.`,
  );
  const blocked = move.error instanceof ApiError && move.error.code === 'blocked_date';
  return (
    <form className="card stack" onSubmit={onSubmit(() => move.mutate())} noValidate aria-labelledby="reschedule-title">
      <h3 id="reschedule-title">Reschedule</h3>
      <DaySlotPicker value={start} onChange={setStart} zone={zone} ownId={session.id} error={move.error} />
      <DurationSelect value={duration} onChange={setDuration} alsoOffer={duration} error={move.error} />
      <FormError error={move.error} fields={['scheduled_datetime', 'scheduled_duration']} />
      {(blocked || allowBlocked) && <AllowBlockedDate checked={allowBlocked} onChange={setAllowBlocked} />}
      <button type="submit" className="button primary" disabled={move.isPending}>
        {move.isPending ? 'Moving…' : 'Move and email the client'}
      </button>
    </form>
  );
}

/** Cancel with a reason (kept for the practice; never mailed); a pending request is declined with Reject instead. */
export function CancelSessionForm({ session }: { session: Appointment }) {
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const cancel = useAppointmentAction(
    () => meetingsApi.cancel(session.id, reason),
    () => 'The session is cancelled. The client gets an email that removes it from their calendar.',
  );
  return (
    <form className="card stack" onSubmit={onSubmit(() => setConfirming(true))} noValidate aria-labelledby="cancel-title">
      <h3 id="cancel-title">Cancel the session</h3>
      <TextArea
        label="Reason (for your records; not sent to the client)"
        name="reason"
        rows={2}
        maxLength={2000}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={cancel.error}
      />
      <FormError error={cancel.error} fields={['reason']} />
      <button type="submit" className="button danger" disabled={cancel.isPending}>
        Cancel the session…
      </button>
      <ConfirmDialog
        open={confirming}
        title="Cancel this session?"
        confirmLabel="Cancel the session"
        busyLabel="Cancelling…"
        busy={cancel.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => cancel.mutate(undefined, { onSettled: () => setConfirming(false) })}
      >
        <p>
          {clientName(session)} is told by email and the session leaves their calendar. This cannot be undone: a new time needs a new
          booking.
        </p>
      </ConfirmDialog>
    </form>
  );
}

const ATTENDANCE_LABELS: Record<Attendance, string> = { attended: 'Attended', no_show: 'No-show' };

/** After the start: whether the client came. A no-show asks first (it may cost the client a fee). */
export function AttendanceActions({ session }: { session: Appointment }) {
  const [confirmNoShow, setConfirmNoShow] = useState(false);
  const record = useAppointmentAction(
    (attendance: Attendance) => meetingsApi.recordAttendance(session.id, attendance),
    (saved) => `Recorded: ${ATTENDANCE_LABELS[saved.attendance!]}.`,
  );
  return (
    <div className="card stack" aria-labelledby="attendance-title">
      <h3 id="attendance-title">Attendance</h3>
      <p className="small muted">
        {session.attendance ? `Recorded as ${ATTENDANCE_LABELS[session.attendance]}. You can correct it.` : 'Did the client come?'}
      </p>
      <div className="row actions-row">
        <button
          type="button"
          className="button primary"
          disabled={record.isPending || session.attendance === 'attended'}
          onClick={() => record.mutate('attended')}
        >
          Attended
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={record.isPending || session.attendance === 'no_show'}
          onClick={() => setConfirmNoShow(true)}
        >
          No-show…
        </button>
      </div>
      <FormError error={record.error} />
      <ConfirmDialog
        open={confirmNoShow}
        title="Record a no-show?"
        confirmLabel="Record no-show"
        busy={record.isPending}
        onCancel={() => setConfirmNoShow(false)}
        onConfirm={() => record.mutate('no_show', { onSettled: () => setConfirmNoShow(false) })}
      >
        <p>{clientName(session)} did not come to this session. It counts in the statistics and may be invoiced with the no-show fee.</p>
      </ConfirmDialog>
    </div>
  );
}
