// The practice's accounts: search, activate or deactivate, delete (with confirmation; their appointments go too).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { authApi } from '../../api/auth';
import { errorMessage } from '../../api/errors';
import type { User } from '../../api/types';
import { useSession } from '../../api/useSession';
import { Dialog } from '../../components/Dialog';
import { Pager } from '../../components/Pager';
import { Empty, QueryView } from '../../components/States';
import { useToast } from '../../components/Toasts';
import { formatDate } from '../../lib/practice-time';
import { usePracticeZone } from './practice-zone';

function fullName(user: User): string {
  return `${user.first_name} ${user.last_name}`.trim() || user.email;
}

function DeleteDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) => authApi.deleteUser(id),
    onSuccess: (answer) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['appointments'] });
      toast.success(answer.message);
      onClose();
    },
    onError: (error) => toast.error(errorMessage(error)),
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
  const toast = useToast();
  const queryClient = useQueryClient();
  const [searchInput, setSearchInput] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [deleting, setDeleting] = useState<User | null>(null);
  const users = useQuery({ queryKey: ['users', { search, page }], queryFn: () => authApi.users(search, page) });
  const toggle = useMutation({
    mutationFn: (id: string) => authApi.toggleActive(id),
    onSuccess: (answer) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      toast.success(answer.message);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch(searchInput.trim());
    setPage(1);
  };
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      <div className="toolbar">
        <form className="search" role="search" onSubmit={submit}>
          <label htmlFor="user-search" className="visually-hidden">
            Search by name or email
          </label>
          <input id="user-search" type="search" placeholder="Name or email" value={searchInput} onChange={(e) => setSearchInput(e.target.value)} />
          <button type="submit" className="button secondary">
            Search
          </button>
        </form>
      </div>
      <QueryView query={users} isEmpty={(data) => data.count === 0} empty={<Empty title={search ? `Nobody matches “${search}”` : 'No users yet'} />}>
        {(data) => (
          <>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Role</th>
                    <th scope="col">Status</th>
                    <th scope="col">Joined</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.users.map((user) => (
                    <tr key={user.id}>
                      <td>
                        <strong>{fullName(user)}</strong>
                        <br />
                        <span className="muted small">{user.email}</span>
                      </td>
                      <td>{user.is_staff ? 'Therapist' : 'Client'}</td>
                      <td>
                        <span className={`badge ${user.is_active ? 'badge-scheduled' : 'badge-rejected'}`}>{user.is_active ? 'Active' : 'Deactivated'}</span>
                        {!user.is_verified && <span className="badge badge-pending">Unverified</span>}
                      </td>
                      <td className="small">{formatDate(user.date_joined, zone)}</td>
                      <td className="actions">
                        {user.id !== me && (
                          <>
                            <button type="button" className="button secondary small" disabled={toggle.isPending} onClick={() => toggle.mutate(user.id)}>
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
                </tbody>
              </table>
            </div>
            <Pager page={page} data={data} onPage={setPage} />
          </>
        )}
      </QueryView>
      <DeleteDialog user={deleting} onClose={() => setDeleting(null)} />
    </section>
  );
}
