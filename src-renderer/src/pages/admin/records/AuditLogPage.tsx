// The audit log, newest first: who did what to which record, and when (in the practice zone). It holds ids only.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { AuditEvent } from '@shared/api-types';
import { auditApi } from '../../../api/records';
import { useSession } from '../../../api/useSession';
import { DataTable } from '../../../components/DataTable';
import { Empty, QueryView } from '../../../components/States';
import { auditKeys } from '../../../features/audit/query-keys';
import { formatDateTime } from '../../../lib/practice-time';
import { usePracticeZone } from '../practice-zone';

/** "note.sign" → "Note signed"; unknown actions read as their name. */
const ACTION_LABELS: Record<string, string> = {
  'appointment.schedule': 'Session scheduled',
  'appointment.reject': 'Request rejected',
  'appointment.cancel': 'Session cancelled',
  'appointment.reschedule': 'Session moved',
  'appointment.attendance': 'Attendance recorded',
  'note.read': 'Note read',
  'note.write': 'Note written',
  'note.sign': 'Note signed',
  'note.addendum': 'Addendum added',
  'client.export': 'Record exported',
  'client.fee_change': 'Client fee changed',
  'invoice.create': 'Invoice drafted',
  'invoice.issue': 'Invoice issued',
  'invoice.mark_paid': 'Invoice marked paid',
  'invoice.void': 'Invoice voided',
  'invoice.read': 'Invoice read',
  'user.activate': 'Account activated',
  'user.deactivate': 'Account deactivated',
  'user.delete': 'Account deleted',
  'settings.change': 'Setting changed',
};

function RecordCell({ event }: { event: AuditEvent }) {
  const short = <code title={event.record_id}>{event.record_id.slice(0, 8)}</code>;
  if (event.record_type === 'client' || event.record_type === 'user') {
    return (
      <>
        {event.record_type} <Link to={`/admin/clients/${event.record_id}`}>{short}</Link>
      </>
    );
  }
  if (event.record_type === 'appointment') {
    return (
      <>
        session <Link to={`/admin/notes/${event.record_id}`}>{short}</Link>
      </>
    );
  }
  if (event.record_type === 'settings') return <code>{event.record_id}</code>;
  return (
    <>
      {event.record_type} {short}
    </>
  );
}

export function AuditLogPage() {
  const zone = usePracticeZone();
  const me = useSession()?.user.id;
  const [page, setPage] = useState(1);
  const events = useQuery({ queryKey: auditKeys.page(page), queryFn: () => auditApi.page(page) });
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <p className="muted small">Every action on clients' records, newest first. The log keeps ids, never names or note text.</p>
      <QueryView query={events} isEmpty={(data) => data.count === 0} empty={<Empty title="Nothing recorded yet" />}>
        {(data) => (
          <DataTable columns={['When', 'Who', 'Action', 'Record']} paging={{ page, data, onPage: setPage }}>
            {data.results.map((event) => (
              <tr key={event.id}>
                <td className="small">{formatDateTime(event.created_at, zone)}</td>
                <td className="small">
                  {event.actor === null ? (
                    'The system'
                  ) : event.actor === me ? (
                    'You'
                  ) : (
                    <code title={event.actor}>{event.actor.slice(0, 8)}</code>
                  )}
                </td>
                <td>{ACTION_LABELS[event.action] ?? event.action}</td>
                <td className="small">
                  <RecordCell event={event} />
                </td>
                <td />
              </tr>
            ))}
          </DataTable>
        )}
      </QueryView>
    </section>
  );
}
