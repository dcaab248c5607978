// The mail outbox: what was sent, what waits, what failed and why, and a retry for failed mail.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { adminApi } from '../../api/admin';
import { errorMessage } from '../../api/errors';
import type { MailStatus } from '../../api/types';
import { Pager } from '../../components/Pager';
import { Empty, QueryView } from '../../components/States';
import { useToast } from '../../components/Toasts';
import { formatDateTime } from '../../lib/practice-time';
import { usePracticeZone } from './practice-zone';

const FILTERS: { status: MailStatus | undefined; label: string }[] = [
  { status: undefined, label: 'All' },
  { status: 'queued', label: 'Queued' },
  { status: 'sent', label: 'Sent' },
  { status: 'failed', label: 'Failed' },
];

const BADGE: Record<MailStatus, string> = { queued: 'badge-pending', sending: 'badge-pending', sent: 'badge-scheduled', failed: 'badge-rejected' };

export function OutboxPage() {
  const zone = usePracticeZone();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<MailStatus | undefined>(undefined);
  const [page, setPage] = useState(1);
  const mails = useQuery({ queryKey: ['outbox', { status, page }], queryFn: () => adminApi.outbox(status, page), refetchInterval: 10_000 });
  const retry = useMutation({
    mutationFn: adminApi.retryMail,
    onSuccess: (mail) => {
      void queryClient.invalidateQueries({ queryKey: ['outbox'] });
      toast.success(`The mail to ${mail.recipient} is queued again.`);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  return (
    <section aria-labelledby="outbox-title">
      <h1 id="outbox-title">Mail</h1>
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
      </div>
      <QueryView query={mails} isEmpty={(data) => data.count === 0} empty={<Empty title="No mail here" />}>
        {(data) => (
          <>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">To</th>
                    <th scope="col">Subject</th>
                    <th scope="col">Status</th>
                    <th scope="col">Created</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.results.map((mail) => (
                    <tr key={mail.id}>
                      <td>{mail.recipient}</td>
                      <td>
                        {mail.subject}
                        {mail.last_error && <div className="field-error small">{mail.last_error}</div>}
                      </td>
                      <td>
                        <span className={`badge ${BADGE[mail.status]}`}>{mail.status}</span>
                        <div className="muted small">
                          {mail.attempts} attempt{mail.attempts === 1 ? '' : 's'}
                        </div>
                      </td>
                      <td className="small">{formatDateTime(mail.sent_at ?? mail.created_at, zone)}</td>
                      <td>
                        {mail.status === 'failed' && (
                          <button type="button" className="button secondary small" disabled={retry.isPending} onClick={() => retry.mutate(mail.id)}>
                            Retry<span className="visually-hidden"> mail to {mail.recipient}</span>
                          </button>
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
    </section>
  );
}
