// A client's own choices for a request or session: withdraw or cancel it (with the practice's late-cancellation policy
// before confirming), or ask to move a scheduled session to another time.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Appointment } from '@shared/api-types';
import { meetingsApi } from '../../api/meetings';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextArea } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useAction } from '../../components/useAction';
import { usePracticeInfo } from '../../features/practice/use-practice-info';
import { appointmentKeys } from '../../features/sessions/query-keys';

const HOUR_MS = 3_600_000;

/** "Cancelling less than 24 hours before the session counts as a late cancellation." */
export function CancellationPolicy() {
  const hours = usePracticeInfo().data?.cancellation_notice_hours ?? 24;
  if (hours === 0) return <p className="policy muted">You can cancel at no cost until the session starts.</p>;
  return <p className="policy muted">Cancelling less than {hours} hours before the session counts as a late cancellation.</p>;
}

export function SessionChoices({ appointment }: { appointment: Appointment }) {
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const notice = usePracticeInfo().data?.cancellation_notice_hours ?? 24;
  const pending = appointment.status === 'pending_review';
  const cancel = useAction({
    run: () => meetingsApi.cancel(appointment.id, reason),
    done: (cancelled) =>
      pending
        ? 'Your request is withdrawn.'
        : cancelled.late_cancellation
          ? 'The session is cancelled (a late cancellation).'
          : 'The session is cancelled. You will get a confirmation by email.',
    invalidates: [appointmentKeys.all],
    errorsInForm: true,
    after: () => setConfirming(false),
  });
  const start = appointment.scheduled_datetime ? Date.parse(appointment.scheduled_datetime) : null;
  if (!pending && !(appointment.status === 'scheduled' && start !== null && start > Date.now())) return null;
  const late = start !== null && start - Date.now() < notice * HOUR_MS;
  return (
    <div className="stack session-choices">
      {!pending && <CancellationPolicy />}
      <div className="actions-row">
        {!pending && (
          <Link className="button secondary" to={`/client/book?move=${appointment.id}`}>
            Ask to move this session
          </Link>
        )}
        <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
          {pending ? 'Withdraw request…' : 'Cancel session…'}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={pending ? 'Withdraw this request?' : 'Cancel this session?'}
        confirmLabel={pending ? 'Withdraw request' : 'Cancel session'}
        busyLabel="Cancelling…"
        busy={cancel.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => cancel.mutate()}
      >
        {!pending && (
          <p className={late ? 'late' : undefined}>
            {late
              ? `This is less than ${notice} hours before the session, so it counts as a late cancellation.`
              : `This is more than ${notice} hours before the session: not a late cancellation.`}
          </p>
        )}
        <TextArea
          label="Reason (optional, only the practice sees it)"
          name="reason"
          rows={2}
          maxLength={2000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={cancel.error}
        />
        <FormError error={cancel.error} fields={['reason']} />
      </ConfirmDialog>
    </div>
  );
}
