// The mail outbox: what was sent, what waits, what failed and why, and a retry for failed mail.
import { useQuery } from '@tanstack/react-query';
import { adminApi } from '../../api/admin';
import { practiceKeys } from '../../features/practice/query-keys';
import type { MailStatus } from '@shared/api-types';
import { DataTable } from '../../components/DataTable';
import { SegmentedFilter } from '../../components/SegmentedFilter';
import { Empty, QueryView } from '../../components/States';
import { useAction } from '../../components/useAction';
import { usePagedFilter } from '../../components/usePagedFilter';
import { formatDateTime } from '../../lib/practice-time';
import { usePracticeZone } from './practice-zone';

const FILTERS: { value: MailStatus | undefined; label: string }[] = [
  { value: undefined, label: 'All' },
  { value: 'queued', label: 'Queued' },
  { value: 'sent', label: 'Sent' },
  { value: 'failed', label: 'Failed' },
  { value: 'expired', label: 'Expired' },
];

const BADGE: Record<MailStatus, string> = {
  queued: 'badge-pending',
  sending: 'badge-pending',
  sent: 'badge-scheduled',
  failed: 'badge-rejected',
  expired: 'badge-completed',
};

export function OutboxPage() {
  const zone = usePracticeZone();
  const { filter, setFilter, page, setPage } = usePagedFilter<{ status?: MailStatus }>({});
  const mails = useQuery({
    queryKey: practiceKeys.outboxPage(filter.status, page),
    queryFn: () => adminApi.outbox(filter.status, page),
    refetchInterval: 10_000,
  });
  const retry = useAction({
    run: adminApi.retryMail,
    done: (mail) => `The mail to ${mail.recipient} is queued again.`,
    invalidates: [practiceKeys.outbox()],
  });
  return (
    <section aria-labelledby="outbox-title">
      <h1 id="outbox-title">Mail</h1>
      <div className="toolbar">
        <SegmentedFilter label="Status" options={FILTERS} value={filter.status} onChange={(status) => setFilter({ status })} />
      </div>
      <QueryView query={mails} isEmpty={(data) => data.count === 0} empty={<Empty title="No mail here" />}>
        {(data) => (
          <DataTable columns={['To', 'Subject', 'Status', 'Created']} paging={{ page, data, onPage: setPage }}>
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
                  {/* A reminder waits for its moment. */}
                  {mail.status === 'queued' && mail.not_before && (
                    <div className="muted small">not before {formatDateTime(mail.not_before, zone)}</div>
                  )}
                </td>
                <td className="small">{formatDateTime(mail.sent_at ?? mail.created_at, zone)}</td>
                <td>
                  {mail.status === 'failed' && (
                    <button
                      type="button"
                      className="button secondary small"
                      disabled={retry.isPending}
                      onClick={() => retry.mutate(mail.id)}
                    >
                      Retry<span className="visually-hidden"> mail to {mail.recipient}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryView>
    </section>
  );
}
