// The requests inbox: pending first, a status filter, search by client email; a row opens the appointment drawer.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { meetingsApi } from '../../api/meetings';
import { appointmentKeys } from '../../features/sessions/query-keys';
import type { AppointmentStatus } from '@shared/api-types';
import { DataTable } from '../../components/DataTable';
import { SearchForm } from '../../components/SearchForm';
import { SegmentedFilter } from '../../components/SegmentedFilter';
import { StatusBadge } from '../../components/StatusBadge';
import { Empty, QueryView } from '../../components/States';
import { usePagedFilter } from '../../components/usePagedFilter';
import { clientName, formatDateTime, formatDay, TIME_SLOT_LABELS } from '../../lib/practice-time';
import { AppointmentDrawer } from './AppointmentDrawer';
import { usePracticeZone } from './practice-zone';

const FILTERS: { value: AppointmentStatus | undefined; label: string }[] = [
  { value: 'pending_review', label: 'Pending' },
  { value: 'scheduled', label: 'Scheduled' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'cancelled', label: 'Cancelled' },
  { value: undefined, label: 'All' },
];

export function RequestsPage() {
  const zone = usePracticeZone();
  const { filter, setFilter, page, setPage } = usePagedFilter<{ status?: AppointmentStatus; email: string }>({
    status: 'pending_review',
    email: '',
  });
  const { status, email } = filter;
  const [openId, setOpenId] = useState<string | null>(null);
  const appointments = useQuery({
    queryKey: appointmentKeys.list({ ...filter, page }),
    queryFn: () => meetingsApi.appointments({ ...filter, page }),
  });
  return (
    <section aria-labelledby="requests-title">
      <h1 id="requests-title">Requests</h1>
      <div className="toolbar">
        <SegmentedFilter label="Status" options={FILTERS} value={status} onChange={(value) => setFilter({ status: value })} />
        <SearchForm label="Client email" placeholder="Client email" onSearch={(text) => setFilter({ email: text })} />
      </div>
      <QueryView
        query={appointments}
        isEmpty={(data) => data.count === 0}
        empty={
          <Empty title={email ? `No requests from ${email}` : 'Nothing here'}>
            {status === 'pending_review' ? 'Every request has been answered.' : 'No appointments match this filter.'}
          </Empty>
        }
      >
        {(data) => (
          <DataTable columns={['Client', 'Preferred', 'Status', 'Requested']} paging={{ page, data, onPage: setPage }}>
            {data.results.map((appointment) => (
              <tr key={appointment.id}>
                <td>
                  {/* The account first; a contact typed for someone else is shown as such. */}
                  <strong>{clientName(appointment)}</strong>
                  <br />
                  <span className="muted small">{appointment.account?.email ?? appointment.email}</span>
                  {appointment.contact_differs && (
                    <>
                      <br />
                      <span className="small booked-for">
                        for {appointment.first_name} {appointment.last_name}
                      </span>
                    </>
                  )}
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
                      request of {clientName(appointment)}
                      {appointment.contact_differs ? ` for ${appointment.first_name} ${appointment.last_name}` : ''}
                    </span>
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryView>
      <AppointmentDrawer appointmentId={openId} onClose={() => setOpenId(null)} />
    </section>
  );
}
