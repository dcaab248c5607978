// Query keys of invoices: the staff's lists (by status and client), one invoice, and a client's own invoices.
import type { InvoiceFilter } from '../../api/records';

export const invoiceKeys = {
  all: ['invoices'] as const,
  lists: () => [...invoiceKeys.all, 'list'] as const,
  list: (filter: InvoiceFilter) => [...invoiceKeys.lists(), filter] as const,
  detail: (id: string) => [...invoiceKeys.all, 'detail', id] as const,
  mine: (page: number) => [...invoiceKeys.all, 'mine', page] as const,
};
