// One appointment in a side drawer: who booked it (the account first), the wishes and reason, and what staff can do
// at its stage: schedule or reject a request; move or cancel a session before it starts; record attendance after.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { meetingsApi } from '../../api/meetings';
import { appointmentKeys } from '../../features/sessions/query-keys';
import { Dialog } from '../../components/Dialog';
import { JoinButton } from '../../components/JoinButton';
import { StatusBadge } from '../../components/StatusBadge';
import { QueryView } from '../../components/States';
import { clientName, formatDateTime, formatDay, TIME_SLOT_LABELS } from '../../lib/practice-time';
import { usePracticeZone } from './practice-zone';
import { RejectForm } from './RejectForm';
import { ScheduleForm } from './ScheduleForm';
import { AttendanceActions, CancelSessionForm, RescheduleForm } from './SessionActions';

const CANCELLED_BY = {
  client: 'by the client',
  staff: 'by the practice',
  reschedule: 'replaced by a new time the client asked for',
} as const;

export function AppointmentDrawer({ appointmentId, onClose }: { appointmentId: string | null; onClose: () => void }) {
  const zone = usePracticeZone();
  const appointment = useQuery({
    queryKey: appointmentKeys.detail(appointmentId),
    queryFn: () => meetingsApi.appointment(appointmentId!),
    enabled: appointmentId !== null,
  });
  return (
    <Dialog
      open={appointmentId !== null}
      title={appointment.data?.status === 'pending_review' || !appointment.data ? 'Appointment request' : 'Session'}
      onClose={onClose}
      variant="drawer"
    >
      <QueryView query={appointment}>
        {(data) => (
          <div className="stack">
            <div className="card-head">
              <StatusBadge appointment={data} />
              <span className="muted small">Requested {formatDateTime(data.created_at, zone)}</span>
            </div>
            <dl className="details">
              <dt>Client</dt>
              <dd>
                {clientName(data)}
                {data.account && (
                  <>
                    {' · '}
                    <a href={`mailto:${data.account.email}`}>{data.account.email}</a>
                  </>
                )}
              </dd>
              {data.contact_differs && (
                <>
                  <dt>Booked for</dt>
                  <dd>
                    <span className="booked-for">
                      Booked by {clientName(data)} for {data.first_name} {data.last_name}
                    </span>
                    <br />
                    <span className="muted small">
                      Contact typed in the booking: <a href={`mailto:${data.email}`}>{data.email}</a>
                    </span>
                  </dd>
                </>
              )}
              <dt>Phone</dt>
              <dd>{data.phone ?? '—'}</dd>
              {data.reschedule_of && data.status === 'pending_review' && (
                <>
                  <dt>Request</dt>
                  <dd>Asks to move an existing session; scheduling this one cancels that session.</dd>
                </>
              )}
              <dt>Preferred dates</dt>
              <dd>
                <ul className="plain">
                  {data.preferred_dates.map((day) => (
                    <li key={day}>{formatDay(day)}</li>
                  ))}
                </ul>
              </dd>
              <dt>Times of day</dt>
              <dd>{data.preferred_time_slots.map((slot) => TIME_SLOT_LABELS[slot]).join(', ')}</dd>
              <dt>Reason</dt>
              <dd className="reason">{data.reason || '—'}</dd>
              {data.status === 'scheduled' && data.scheduled_datetime && (
                <>
                  <dt>Scheduled</dt>
                  <dd>
                    {formatDateTime(data.scheduled_datetime, zone)} · {data.scheduled_duration} minutes
                  </dd>
                  <dt>Video room</dt>
                  <dd>
                    <code className="break">{data.jitsi_meet_url}</code>
                  </dd>
                </>
              )}
              {data.status === 'scheduled' && data.attendance && (
                <>
                  <dt>Attendance</dt>
                  <dd>{data.attendance === 'attended' ? 'Attended' : 'No-show'}</dd>
                </>
              )}
              {data.status === 'cancelled' && (
                <>
                  {data.scheduled_datetime && (
                    <>
                      <dt>Was scheduled</dt>
                      <dd>
                        <s>{formatDateTime(data.scheduled_datetime, zone)}</s> · {data.scheduled_duration} minutes
                      </dd>
                    </>
                  )}
                  <dt>Cancelled</dt>
                  <dd>
                    {data.cancelled_at ? formatDateTime(data.cancelled_at, zone) : '—'} · {CANCELLED_BY[data.cancelled_by ?? 'staff']}
                    {data.late_cancellation && <strong className="late"> · late cancellation</strong>}
                  </dd>
                  <dt>Cancellation reason</dt>
                  <dd className="reason">{data.cancellation_reason || '—'}</dd>
                </>
              )}
              {data.status === 'rejected' && (
                <>
                  <dt>Rejection reason</dt>
                  <dd>{data.rejection_reason || '—'}</dd>
                </>
              )}
            </dl>
            <JoinButton appointment={data} label="Join the session" />
            {data.scheduled_datetime && (data.status === 'scheduled' || data.status === 'cancelled') && (
              <Link className="button secondary" to={`/admin/notes/${data.id}`}>
                Open note
              </Link>
            )}
            {data.status === 'pending_review' && (
              <>
                <ScheduleForm appointment={data} zone={zone} />
                <RejectForm appointment={data} />
              </>
            )}
            {data.status === 'scheduled' &&
              (Date.parse(data.scheduled_datetime!) > Date.now() ? (
                <>
                  <RescheduleForm key={data.scheduled_datetime} session={data} zone={zone} />
                  <CancelSessionForm session={data} />
                </>
              ) : (
                <AttendanceActions session={data} />
              ))}
          </div>
        )}
      </QueryView>
    </Dialog>
  );
}
