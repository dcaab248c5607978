// Invoice changes (draft, issue, mark paid, void) through useAction: each refreshes the invoice lists and the client's
// record, whose billable sessions follow the invoices.
import type { Invoice } from '@shared/api-types';
import { billingApi } from '../../api/records';
import { useAction } from '../../components/useAction';
import { clientKeys } from '../clients/query-keys';
import { invoiceKeys } from './query-keys';
import { auditKeys } from '../audit/query-keys';

function useInvoiceAction<TInput>(
  run: (input: TInput) => Promise<Invoice>,
  done: (invoice: Invoice) => string,
  after?: (invoice: Invoice) => void,
) {
  return useAction({
    run,
    done,
    stores: (invoice) => invoiceKeys.detail(invoice.id),
    invalidates: [invoiceKeys.lists(), clientKeys.all, auditKeys.all],
    after,
  });
}

export function useCreateDraft(after?: (invoice: Invoice) => void) {
  return useInvoiceAction(
    ({ client, appointments }: { client: string; appointments: string[] }) => billingApi.createDraft(client, appointments),
    () => 'Draft invoice created. Check it, then issue it.',
    after,
  );
}

export function useIssue() {
  return useInvoiceAction(
    (id: string) => billingApi.issue(id),
    (invoice) => `Invoice ${invoice.number} issued; the client is emailed the PDF.`,
  );
}

export function useMarkPaid() {
  return useInvoiceAction(
    ({ id, paidOn }: { id: string; paidOn: string }) => billingApi.markPaid(id, paidOn),
    (invoice) => `Invoice ${invoice.number} marked paid.`,
  );
}

export function useVoid(after?: () => void) {
  return useInvoiceAction(
    (id: string) => billingApi.void(id),
    (invoice) => `Invoice ${invoice.number} is void; its sessions can be billed again.`,
    after,
  );
}
