// The practice's clients: search by name or email, their session counts and next session; a row opens the record.
import { Link } from 'react-router-dom';
import type { Client } from '@shared/api-types';
import { DataTable } from '../../../components/DataTable';
import { SearchForm } from '../../../components/SearchForm';
import { Empty, QueryView } from '../../../components/States';
import { usePagedFilter } from '../../../components/usePagedFilter';
import { useClients } from '../../../features/clients/use-clients';
import { formatDateTime } from '../../../lib/practice-time';
import { usePracticeZone } from '../practice-zone';

export function clientFullName(client: Pick<Client, 'first_name' | 'last_name' | 'email'>): string {
  return `${client.first_name} ${client.last_name}`.trim() || client.email;
}

export function ClientsPage() {
  const zone = usePracticeZone();
  const { filter, setFilter, page, setPage } = usePagedFilter({ search: '' });
  const clients = useClients(filter.search, page);
  return (
    <section aria-labelledby="clients-title">
      <h1 id="clients-title">Clients</h1>
      <div className="toolbar">
        <SearchForm label="Search clients by name or email" placeholder="Name or email" onSearch={(text) => setFilter({ search: text })} />
      </div>
      <QueryView
        query={clients}
        isEmpty={(data) => data.count === 0}
        empty={
          <Empty title={filter.search ? `No client matches “${filter.search}”` : 'No clients yet'}>
            Clients appear here once they have an account.
          </Empty>
        }
      >
        {(data) => (
          <DataTable
            columns={['Client', 'Upcoming', 'Past', 'No-shows', 'Late cancellations', 'Next session']}
            paging={{ page, data, onPage: setPage }}
          >
            {data.results.map((client) => (
              <tr key={client.id}>
                <td>
                  <Link to={`/admin/clients/${client.id}`} className="client-link">
                    <strong>{clientFullName(client)}</strong>
                  </Link>
                  <br />
                  <span className="muted small break">{client.email}</span>
                </td>
                <td className="count" data-label="Upcoming">
                  {client.upcoming_sessions}
                </td>
                <td className="count" data-label="Past">
                  {client.past_sessions}
                </td>
                <td className="count" data-label="No-shows">
                  {client.no_shows}
                </td>
                <td className="count" data-label="Late cancellations">
                  {client.late_cancellations}
                </td>
                <td className="small next-session">
                  {client.next_session ? formatDateTime(client.next_session, zone) : 'No session booked'}
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
