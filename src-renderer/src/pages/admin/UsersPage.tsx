// The practice's accounts: search, activate or deactivate, delete (with confirmation; their appointments go too).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { authApi } from '../../api/auth';
import { accountKeys } from '../../features/accounts/query-keys';
import { appointmentKeys } from '../../features/sessions/query-keys';
import type { User } from '@shared/api-types';
import { useSession } from '../../api/useSession';
import { DataTable } from '../../components/DataTable';
import { Dialog } from '../../components/Dialog';
import { SearchForm } from '../../components/SearchForm';
import { Empty, QueryView } from '../../components/States';
import { useAction } from '../../components/useAction';
import { usePagedFilter } from '../../components/usePagedFilter';
import { formatDate } from '../../lib/practice-time';
import { usePracticeZone } from './practice-zone';

function fullName(user: User): string {
  return `${user.first_name} ${user.last_name}`.trim() || user.email;
}

function DeleteDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const remove = useAction({
    run: authApi.deleteUser,
    done: (answer) => answer.message,
    invalidates: [accountKeys.lists(), appointmentKeys.all],
    after: onClose,
  });
  return (
    <Dialog open={user !== null} title="Delete this account?" onClose={onClose}>
      {user && (
        <div className="stack">
          <p>
            <strong>{fullName(user)}</strong> ({user.email}) and all of their appointments will be deleted. This cannot be undone.
          </p>
          <div className="actions">
            <button type="button" className="button secondary" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="button danger" disabled={remove.isPending} onClick={() => remove.mutate(user.id)}>
              {remove.isPending ? 'Deleting…' : 'Delete account'}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}

export function UsersPage() {
  const zone = usePracticeZone();
  const me = useSession()?.user.id;
  const { filter, setFilter, page, setPage } = usePagedFilter({ search: '' });
  const { search } = filter;
  const [deleting, setDeleting] = useState<User | null>(null);
  const users = useQuery({ queryKey: accountKeys.list(search, page), queryFn: () => authApi.users(search, page) });
  const toggle = useAction({ run: authApi.toggleActive, done: (answer) => answer.message, invalidates: [accountKeys.lists()] });
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      <div className="toolbar">
        <SearchForm label="Search by name or email" placeholder="Name or email" onSearch={(text) => setFilter({ search: text })} />
      </div>
      <QueryView
        query={users}
        isEmpty={(data) => data.count === 0}
        empty={<Empty title={search ? `Nobody matches “${search}”` : 'No users yet'} />}
      >
        {(data) => (
          <DataTable columns={['Name', 'Role', 'Status', 'Joined']} paging={{ page, data, onPage: setPage }}>
            {data.users.map((user) => (
              <tr key={user.id}>
                <td>
                  <strong>{fullName(user)}</strong>
                  <br />
                  <span className="muted small">{user.email}</span>
                </td>
                <td>{user.is_staff ? 'Therapist' : 'Client'}</td>
                <td>
                  <span className={`badge ${user.is_active ? 'badge-scheduled' : 'badge-rejected'}`}>
                    {user.is_active ? 'Active' : 'Deactivated'}
                  </span>
                  {!user.is_verified && <span className="badge badge-pending">Unverified</span>}
                </td>
                <td className="small">{formatDate(user.date_joined, zone)}</td>
                <td className="actions">
                  {user.id !== me && (
                    <>
                      <button
                        type="button"
                        className="button secondary small"
                        disabled={toggle.isPending}
                        onClick={() => toggle.mutate(user.id)}
                      >
                        {user.is_active ? 'Deactivate' : 'Activate'}
                        <span className="visually-hidden"> {user.email}</span>
                      </button>
                      <button type="button" className="button danger small" onClick={() => setDeleting(user)}>
                        Delete<span className="visually-hidden"> {user.email}</span>
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryView>
      <DeleteDialog user={deleting} onClose={() => setDeleting(null)} />
    </section>
  );
}
