// Every invoice of the practice, newest first, filtered by state; each row issues, records payment, voids or downloads.
import { useQuery } from '@tanstack/react-query';
import type { InvoiceStatus } from '@shared/api-types';
import { billingApi, clientsApi } from '../../../api/records';
import { SegmentedFilter } from '../../../components/SegmentedFilter';
import { Empty, QueryView } from '../../../components/States';
import { usePagedFilter } from '../../../components/usePagedFilter';
import { invoiceKeys } from '../../../features/billing/query-keys';
import { clientKeys } from '../../../features/clients/query-keys';
import { clientFullName } from './ClientsPage';
import { INVOICE_STATUS_LABELS, InvoiceTable } from './InvoiceTable';

const STATUSES: (InvoiceStatus | undefined)[] = [undefined, 'draft', 'issued', 'paid', 'void'];

export function InvoicesPage() {
  const { filter, setFilter, page, setPage } = usePagedFilter<{ status: InvoiceStatus | undefined }>({ status: undefined });
  const invoices = useQuery({
    queryKey: invoiceKeys.list({ status: filter.status, page }),
    queryFn: () => billingApi.invoices({ status: filter.status, page }),
  });
  // Names for the rows: the practice's clients (a hundred on the first page; others show a link only).
  const clients = useQuery({ queryKey: clientKeys.names(), queryFn: () => clientsApi.list('', 1, 100) });
  const names = new Map((clients.data?.results ?? []).map((client) => [client.id, clientFullName(client)]));
  return (
    <section aria-labelledby="invoices-title">
      <h1 id="invoices-title">Invoices</h1>
      <div className="toolbar">
        <SegmentedFilter
          label="Invoice state"
          options={STATUSES.map((status) => ({ value: status, label: status ? INVOICE_STATUS_LABELS[status] : 'All' }))}
          value={filter.status}
          onChange={(status) => setFilter({ status })}
        />
      </div>
      <QueryView
        query={invoices}
        isEmpty={(data) => data.count === 0}
        empty={
          <Empty title={filter.status ? `No ${INVOICE_STATUS_LABELS[filter.status].toLowerCase()} invoices` : 'No invoices yet'}>
            Invoices are made from a client's page.
          </Empty>
        }
      >
        {(data) => <InvoiceTable invoices={data.results} clientNames={names} paging={{ page, data, onPage: setPage }} />}
      </QueryView>
    </section>
  );
}
