// The client's own invoices (issued and paid ones only), each with its PDF.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { billingApi } from '../../api/records';
import { Pager } from '../../components/Pager';
import { Empty, QueryView } from '../../components/States';
import { invoiceKeys } from '../../features/billing/query-keys';
import { useDownload } from '../../features/billing/use-download';
import { formatMoney } from '../../lib/money';
import { formatDay } from '../../lib/practice-time';

export function MyInvoicesPage() {
  const [page, setPage] = useState(1);
  const invoices = useQuery({ queryKey: invoiceKeys.mine(page), queryFn: () => billingApi.invoices({ page }) });
  const download = useDownload();
  return (
    <section aria-labelledby="my-invoices-title">
      <h1 id="my-invoices-title">My invoices</h1>
      <QueryView
        query={invoices}
        isEmpty={(data) => data.count === 0}
        empty={<Empty title="No invoices yet">Invoices from the practice appear here and come by email.</Empty>}
      >
        {(data) => (
          <>
            <ul className="card-list">
              {data.results.map((invoice) => (
                <li key={invoice.id} className="card invoice-card">
                  <div className="card-head">
                    <strong>Invoice {invoice.number}</strong>
                    <span className={`badge ${invoice.status === 'paid' ? 'badge-active' : 'badge-scheduled'}`}>
                      {invoice.status === 'paid' ? 'Paid' : 'Open'}
                    </span>
                  </div>
                  <p className="invoice-amount">{formatMoney(invoice.total_minor, invoice.currency)}</p>
                  <ul className="plain small muted">
                    {invoice.lines.map((line) => (
                      <li key={line.appointment}>
                        {line.date ? formatDay(line.date) : '—'} · {line.description} · {formatMoney(line.amount_minor, invoice.currency)}
                      </li>
                    ))}
                  </ul>
                  {invoice.paid_on && <p className="small">Paid on {formatDay(invoice.paid_on)}</p>}
                  <button
                    type="button"
                    className="button secondary"
                    disabled={download.isPending}
                    onClick={() =>
                      download.mutate({ fetchFile: () => billingApi.pdf(invoice.id), filename: `invoice-${invoice.number}.pdf` })
                    }
                  >
                    Download PDF<span className="visually-hidden"> of invoice {invoice.number}</span>
                  </button>
                </li>
              ))}
            </ul>
            <Pager page={page} data={data} onPage={setPage} />
          </>
        )}
      </QueryView>
    </section>
  );
}
