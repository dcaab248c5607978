// One appointment in a side drawer: the client's wishes and reason, and schedule or reject while it is pending.
import { useQuery } from '@tanstack/react-query';
import { meetingsApi } from '../../api/meetings';
import { appointmentKeys } from '../../features/sessions/query-keys';
import { Dialog } from '../../components/Dialog';
import { JoinButton } from '../../components/JoinButton';
import { StatusBadge } from '../../components/StatusBadge';
import { QueryView } from '../../components/States';
import { formatDateTime, formatDay, TIME_SLOT_LABELS } from '../../lib/practice-time';
import { usePracticeZone } from './practice-zone';
import { RejectForm } from './RejectForm';
import { ScheduleForm } from './ScheduleForm';

export function AppointmentDrawer({ appointmentId, onClose }: { appointmentId: string | null; onClose: () => void }) {
  const zone = usePracticeZone();
  const appointment = useQuery({
    queryKey: appointmentKeys.detail(appointmentId),
    queryFn: () => meetingsApi.appointment(appointmentId!),
    enabled: appointmentId !== null,
  });
  return (
    <Dialog open={appointmentId !== null} title="Appointment request" onClose={onClose} variant="drawer">
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
                {data.first_name} {data.last_name}
              </dd>
              <dt>Email</dt>
              <dd>
                <a href={`mailto:${data.email}`}>{data.email}</a>
              </dd>
              <dt>Phone</dt>
              <dd>{data.phone ?? '—'}</dd>
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
              {data.status === 'rejected' && (
                <>
                  <dt>Rejection reason</dt>
                  <dd>{data.rejection_reason || '—'}</dd>
                </>
              )}
            </dl>
            <JoinButton appointment={data} label="Join the session" />
            {data.status === 'pending_review' && (
              <>
                <ScheduleForm appointment={data} zone={zone} />
                <RejectForm appointment={data} />
              </>
            )}
          </div>
        )}
      </QueryView>
    </Dialog>
  );
}
