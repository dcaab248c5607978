// The requests inbox: pending first, a status filter, search by client email; a row opens the appointment drawer.
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { meetingsApi } from '../../api/meetings';
import type { AppointmentStatus } from '../../api/types';
import { Pager } from '../../components/Pager';
import { StatusBadge } from '../../components/StatusBadge';
import { Empty, QueryView } from '../../components/States';
import { formatDateTime, formatDay, TIME_SLOT_LABELS } from '../../lib/practice-time';
import { AppointmentDrawer } from './AppointmentDrawer';
import { usePracticeZone } from './practice-zone';

const FILTERS: { status: AppointmentStatus | undefined; label: string }[] = [
  { status: 'pending_review', label: 'Pending' },
  { status: 'scheduled', label: 'Scheduled' },
  { status: 'rejected', label: 'Rejected' },
  { status: undefined, label: 'All' },
];

export function RequestsPage() {
  const zone = usePracticeZone();
  const [status, setStatus] = useState<AppointmentStatus | undefined>('pending_review');
  const [emailInput, setEmailInput] = useState('');
  const [email, setEmail] = useState('');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const appointments = useQuery({
    queryKey: ['appointments', { status, email, page }],
    queryFn: () => meetingsApi.appointments({ status, email, page }),
  });
  const search = (event: FormEvent) => {
    event.preventDefault();
    setEmail(emailInput.trim());
    setPage(1);
  };
  return (
    <section aria-labelledby="requests-title">
      <h1 id="requests-title">Requests</h1>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label="Status">
          {FILTERS.map((filter) => (
            <button
              key={filter.label}
              type="button"
              aria-pressed={status === filter.status}
              onClick={() => {
                setStatus(filter.status);
                setPage(1);
              }}
            >
              {filter.label}
            </button>
          ))}
        </div>
        <form className="search" role="search" onSubmit={search}>
          <label htmlFor="request-email" className="visually-hidden">
            Client email
          </label>
          <input id="request-email" type="search" placeholder="Client email" value={emailInput} onChange={(e) => setEmailInput(e.target.value)} />
          <button type="submit" className="button secondary">
            Search
          </button>
        </form>
      </div>
      <QueryView
        query={appointments}
        isEmpty={(data) => data.count === 0}
        empty={<Empty title={email ? `No requests from ${email}` : 'Nothing here'}>{status === 'pending_review' ? 'Every request has been answered.' : 'No appointments match this filter.'}</Empty>}
      >
        {(data) => (
          <>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Client</th>
                    <th scope="col">Preferred</th>
                    <th scope="col">Status</th>
                    <th scope="col">Requested</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.results.map((appointment) => (
                    <tr key={appointment.id}>
                      <td>
                        <strong>
                          {appointment.first_name} {appointment.last_name}
                        </strong>
                        <br />
                        <span className="muted small">{appointment.email}</span>
                      </td>
                      <td>
                        {appointment.status === 'scheduled' && appointment.scheduled_datetime
                          ? formatDateTime(appointment.scheduled_datetime, zone)
                          : appointment.preferred_dates.map((day) => formatDay(day, { day: 'numeric', month: 'short' })).join(', ')}
                        <br />
                        <span className="muted small">{appointment.preferred_time_slots.map((slot) => TIME_SLOT_LABELS[slot]).join(', ')}</span>
                      </td>
                      <td>
                        <StatusBadge appointment={appointment} />
                      </td>
                      <td className="small">{formatDateTime(appointment.created_at, zone)}</td>
                      <td>
                        <button type="button" className="button secondary small" onClick={() => setOpenId(appointment.id)}>
                          Open
                          <span className="visually-hidden">
                            {' '}
                            request of {appointment.first_name} {appointment.last_name}
                          </span>
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager page={page} data={data} onPage={setPage} />
          </>
        )}
      </QueryView>
      <AppointmentDrawer appointmentId={openId} onClose={() => setOpenId(null)} />
    </section>
  );
}
