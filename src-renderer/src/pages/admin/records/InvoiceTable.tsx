// Invoices with their lines, total and state, and what staff can do next: issue a draft, record a payment, void an
// issued invoice (after confirming), download the PDF.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Invoice, InvoiceStatus } from '@shared/api-types';
import { billingApi } from '../../../api/records';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { DataTable } from '../../../components/DataTable';
import { Dialog } from '../../../components/Dialog';
import { TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import type { Pager } from '../../../components/Pager';
import { useIssue, useMarkPaid, useVoid } from '../../../features/billing/use-invoice-actions';
import { useDownload } from '../../../features/billing/use-download';
import { onSubmit } from '../../../lib/forms';
import { formatMoney } from '../../../lib/money';
import { formatDate, formatDay, localInputValue } from '../../../lib/practice-time';
import { usePracticeZone } from '../practice-zone';
import type { ComponentProps } from 'react';

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = { draft: 'Draft', issued: 'Issued', paid: 'Paid', void: 'Void' };
const STATUS_BADGE: Record<InvoiceStatus, string> = {
  draft: 'badge-pending',
  issued: 'badge-scheduled',
  paid: 'badge-active',
  void: 'badge-cancelled',
};

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  return <span className={`badge ${STATUS_BADGE[status]}`}>{INVOICE_STATUS_LABELS[status]}</span>;
}

export function invoiceFilename(invoice: Invoice): string {
  return `invoice-${invoice.number ?? 'draft'}.pdf`;
}

function MarkPaidDialog({ invoice, onClose }: { invoice: Invoice | null; onClose: () => void }) {
  const zone = usePracticeZone();
  const [paidOn, setPaidOn] = useState(() => localInputValue(new Date().toISOString(), zone).slice(0, 10));
  const markPaid = useMarkPaid();
  return (
    <Dialog open={invoice !== null} title={`Record the payment of ${invoice?.number ?? ''}`} onClose={onClose}>
      {invoice && (
        <form className="stack" onSubmit={onSubmit(() => markPaid.mutate({ id: invoice.id, paidOn }, { onSuccess: onClose }))} noValidate>
          <TextField
            label="Paid on"
            name="paid_on"
            type="date"
            required
            value={paidOn}
            onChange={(event) => setPaidOn(event.target.value)}
            error={markPaid.error}
          />
          <FormError error={markPaid.error} fields={['paid_on']} />
          <div className="actions-row">
            <button type="button" className="button secondary" onClick={onClose}>
              Go back
            </button>
            <button type="submit" className="button primary" disabled={markPaid.isPending}>
              {markPaid.isPending ? 'Saving…' : 'Mark paid'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

/** `clientNames`: shown as a link to the client's record (the invoices page lists every client's). */
export function InvoiceTable({
  invoices,
  clientNames,
  paging,
}: {
  invoices: Invoice[];
  clientNames?: Map<string, string>;
  paging?: ComponentProps<typeof Pager>;
}) {
  const zone = usePracticeZone();
  const issue = useIssue();
  const [paying, setPaying] = useState<Invoice | null>(null);
  const [voiding, setVoiding] = useState<Invoice | null>(null);
  const voidInvoice = useVoid(() => setVoiding(null));
  const download = useDownload();
  const columns = ['Invoice', ...(clientNames ? ['Client'] : []), 'Sessions', 'Total', 'State'];
  return (
    <>
      <DataTable columns={columns} paging={paging}>
        {invoices.map((invoice) => (
          <tr key={invoice.id}>
            <td>
              <strong>{invoice.number ?? 'Draft'}</strong>
              <br />
              <span className="muted small">
                {invoice.issued_at ? `Issued ${formatDate(invoice.issued_at, zone)}` : `Created ${formatDate(invoice.created_at, zone)}`}
              </span>
            </td>
            {clientNames && (
              <td>
                <Link to={`/admin/clients/${invoice.client}`}>{clientNames.get(invoice.client) ?? 'Open the client'}</Link>
              </td>
            )}
            <td className="small">
              <ul className="plain">
                {invoice.lines.map((line) => (
                  <li key={line.appointment}>
                    {line.date ? formatDay(line.date) : '—'} · {line.description} · {formatMoney(line.amount_minor, invoice.currency)}
                  </li>
                ))}
              </ul>
            </td>
            <td className="amount">{formatMoney(invoice.total_minor, invoice.currency)}</td>
            <td>
              <InvoiceStatusBadge status={invoice.status} />
              {invoice.paid_on && <span className="muted small"> on {formatDay(invoice.paid_on)}</span>}
            </td>
            <td>
              <div className="actions">
                {invoice.status === 'draft' && (
                  <button
                    type="button"
                    className="button primary small"
                    disabled={issue.isPending}
                    onClick={() => issue.mutate(invoice.id)}
                  >
                    Issue and email
                    <span className="visually-hidden"> the draft of {formatMoney(invoice.total_minor, invoice.currency)}</span>
                  </button>
                )}
                {invoice.status === 'issued' && (
                  <>
                    <button type="button" className="button secondary small" onClick={() => setPaying(invoice)}>
                      Mark paid…<span className="visually-hidden"> {invoice.number}</span>
                    </button>
                    <button type="button" className="button danger small" onClick={() => setVoiding(invoice)}>
                      Void…<span className="visually-hidden"> {invoice.number}</span>
                    </button>
                  </>
                )}
                <button
                  type="button"
                  className="button secondary small"
                  disabled={download.isPending}
                  onClick={() => download.mutate({ fetchFile: () => billingApi.pdf(invoice.id), filename: invoiceFilename(invoice) })}
                >
                  PDF<span className="visually-hidden"> of invoice {invoice.number ?? 'draft'}</span>
                </button>
              </div>
            </td>
          </tr>
        ))}
      </DataTable>
      <MarkPaidDialog key={paying?.id ?? 'none'} invoice={paying} onClose={() => setPaying(null)} />
      <ConfirmDialog
        open={voiding !== null}
        title={`Void invoice ${voiding?.number ?? ''}?`}
        confirmLabel="Void the invoice"
        busyLabel="Voiding…"
        busy={voidInvoice.isPending}
        onCancel={() => setVoiding(null)}
        onConfirm={() => voiding && voidInvoice.mutate(voiding.id)}
      >
        <p>
          The invoice stays on record as void and its number is never given out again. Its sessions can then be billed on a new invoice.
        </p>
      </ConfirmDialog>
    </>
  );
}
