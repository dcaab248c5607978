// The client's requests and sessions with their status, the time once scheduled, and "Join session" while open.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { meetingsApi } from '../../api/meetings';
import { appointmentKeys } from '../../features/sessions/query-keys';
import type { Appointment } from '@shared/api-types';
import { JoinButton } from '../../components/JoinButton';
import { Pager } from '../../components/Pager';
import { StatFigures } from '../../components/StatFigures';
import { StatusBadge } from '../../components/StatusBadge';
import { Empty, QueryView } from '../../components/States';
import { browserZone, formatDate, formatDateTime, formatDay, TIME_SLOT_LABELS } from '../../lib/practice-time';
import { usePracticeInfo } from '../../features/practice/use-practice-info';
import { SessionChoices } from './SessionChoices';

/** The join window opens while the page is open: ask again every half minute. */
const POLL_MS = 30_000;

function ScheduledTime({ appointment }: { appointment: Appointment }) {
  // The meeting info names the time in the practice's zone, which clients cannot look up themselves.
  const info = useQuery({
    queryKey: appointmentKeys.meetingInfo(appointment.id, appointment.scheduled_datetime),
    queryFn: () => meetingsApi.meetingInfo(appointment.id),
  });
  if (!info.data) return <p className="muted">Loading the time…</p>;
  return (
    <>
      <p className="when">
        {info.data.scheduled_time} · {info.data.duration}
      </p>
      <p className="muted small">{info.data.join_instructions}</p>
    </>
  );
}

function AppointmentCard({ appointment }: { appointment: Appointment }) {
  const zone = usePracticeInfo().data?.practice_timezone ?? browserZone();
  return (
    <li className="card appointment-card">
      <div className="card-head">
        <StatusBadge appointment={appointment} />
        <span className="muted small">Requested {formatDate(appointment.created_at, browserZone())}</span>
      </div>
      {appointment.status === 'scheduled' ? (
        <ScheduledTime appointment={appointment} />
      ) : appointment.status === 'cancelled' && appointment.scheduled_datetime ? (
        <p className="when">
          <s>{formatDateTime(appointment.scheduled_datetime, zone)}</s>
        </p>
      ) : (
        <p>
          You suggested {appointment.preferred_dates.map((day) => formatDay(day)).join(', ')} ·{' '}
          {appointment.preferred_time_slots.map((slot) => TIME_SLOT_LABELS[slot]).join(', ')}
        </p>
      )}
      {appointment.status === 'rejected' && (
        <p className="rejection">
          {appointment.rejection_reason ? `Reason: ${appointment.rejection_reason}` : 'The practice could not offer this appointment.'}
        </p>
      )}
      {appointment.status === 'cancelled' && (
        <p className="muted small">
          {appointment.cancelled_by === 'reschedule'
            ? 'Replaced by the new time you asked for.'
            : `Cancelled${appointment.cancelled_by === 'staff' ? ' by the practice' : ''}${appointment.late_cancellation ? ' · late cancellation' : ''}.`}
        </p>
      )}
      {appointment.reschedule_of && appointment.status === 'pending_review' && (
        <p className="muted small">A request to move a session: that session stays booked until a new time is confirmed.</p>
      )}
      {appointment.reason && <p className="muted small">“{appointment.reason}”</p>}
      <JoinButton appointment={appointment} />
      <SessionChoices appointment={appointment} />
    </li>
  );
}

export function MyAppointmentsPage() {
  const [page, setPage] = useState(1);
  const appointments = useQuery({
    queryKey: appointmentKeys.myList(page),
    queryFn: () => meetingsApi.myAppointments(page),
    refetchInterval: POLL_MS,
  });
  const stats = useQuery({ queryKey: appointmentKeys.myStats(), queryFn: meetingsApi.myStats });
  return (
    <section aria-labelledby="mine-title">
      <div className="page-head">
        <h1 id="mine-title">My appointments</h1>
        <Link className="button primary" to="/client/book">
          Book a session
        </Link>
      </div>
      <QueryView query={stats}>{(data) => <StatFigures stats={data} label="My appointment figures" />}</QueryView>
      <QueryView
        query={appointments}
        isEmpty={(data) => data.count === 0}
        empty={
          <Empty title="No appointments yet">
            <Link to="/client/book">Book your first session</Link> — it only takes a minute.
          </Empty>
        }
      >
        {(data) => (
          <>
            <ul className="card-list">
              {data.results.map((appointment) => (
                <AppointmentCard key={appointment.id} appointment={appointment} />
              ))}
            </ul>
            <Pager page={page} data={data} onPage={setPage} />
          </>
        )}
      </QueryView>
    </section>
  );
}
