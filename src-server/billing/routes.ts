// `/api/billing/invoices/`: invoices from billable sessions; staff create, issue, mark paid and void; a client reads their own.
import type { ServerCore } from '../core.js';
import { PAGING_DOC, paginate } from '../http/pagination.js';
import { operation, type Endpoint, type Principal } from '../http/route-table.js';
import {
  createDraft,
  getInvoice,
  invoicePdf,
  issueInvoice,
  listInvoices,
  markPaid,
  voidInvoice,
  type InvoiceWithLines,
} from './invoices.js';
import { presentInvoice } from './presenter.js';
import { invoiceCreateBody, invoiceListQuery, markPaidBody } from './schemas.js';

export function billingEndpoints(core: ServerCore): Endpoint[] {
  const caller = (principal: Principal | null): Principal => principal!;
  const present = async (invoice: InvoiceWithLines) => presentInvoice(invoice, await core.settings.timeZone());
  const action = (summary: string, run: (actorId: string, id: string) => Promise<InvoiceWithLines>) =>
    operation({
      access: 'staff',
      summary,
      handler: async ({ params, principal }) => ({ body: await present(await run(caller(principal).id, params.pk)) }),
    });

  return [
    {
      key: 'invoices',
      section: 'administration',
      path: '/api/billing/invoices/',
      doc: {
        description:
          "Invoices, newest first (staff: all, ?status= and ?client=; a client: their own issued ones). POST (staff) makes a draft with one line per session: attended → session fee (or the client's fee), late-cancelled → late cancellation fee, no-show → no-show fee; amounts in integer minor units",
        authentication: 'Required (Authenticated users: a client sees their own issued invoices; creating is for staff only)',
        required_fields: ['client', 'appointments'],
        query_parameters: { status: 'draft | issued | paid | void', client: 'Client id (staff)', ...PAGING_DOC },
        example_request: { client: '00000000-0000-4000-8000-000000000000', appointments: ['00000000-0000-4000-8000-000000000001'] },
      },
      methods: {
        GET: operation({
          access: 'user',
          summary: "Invoices: all for staff, the caller's issued ones for a client",
          query: invoiceListQuery,
          handler: async ({ query, principal, request }) => {
            const timeZone = await core.settings.timeZone();
            return {
              body: await paginate(
                request,
                query,
                (window) => listInvoices(core, caller(principal), { status: query.status, client: query.client, ...window }),
                (invoice) => presentInvoice(invoice, timeZone),
              ),
            };
          },
        }),
        POST: operation({
          access: 'staff',
          summary: 'Make a draft invoice from billable sessions',
          body: invoiceCreateBody,
          status: 201,
          handler: async ({ body, principal }) => ({
            status: 201,
            body: await present(await createDraft(core, caller(principal).id, body.client, body.appointments)),
          }),
        }),
      },
    },
    {
      key: 'invoice_detail',
      section: 'administration',
      path: '/api/billing/invoices/<uuid:pk>/',
      doc: { description: 'One invoice (staff: any; a client: their own issued one)' },
      methods: {
        GET: operation({
          access: 'user',
          summary: 'One invoice',
          handler: async ({ params, principal }) => ({ body: await present(await getInvoice(core, caller(principal), params.pk)) }),
        }),
      },
    },
    {
      key: 'invoice_issue',
      section: 'administration',
      path: '/api/billing/invoices/<uuid:pk>/issue/',
      doc: { description: 'Issue a draft: it gets the next number of the year (2026-0001, no gaps) and the client is mailed the PDF' },
      methods: { POST: action('Issue a draft invoice', (actorId, id) => issueInvoice(core, actorId, id)) },
    },
    {
      key: 'invoice_mark_paid',
      section: 'administration',
      path: '/api/billing/invoices/<uuid:pk>/mark-paid/',
      doc: {
        description: 'Record the payment of an issued invoice',
        required_fields: ['paid_on'],
        example_request: { paid_on: '2026-04-15' },
      },
      methods: {
        POST: operation({
          access: 'staff',
          summary: 'Mark an issued invoice paid',
          body: markPaidBody,
          handler: async ({ body, params, principal }) => ({
            body: await present(await markPaid(core, caller(principal).id, params.pk, body.paid_on)),
          }),
        }),
      },
    },
    {
      key: 'invoice_void',
      section: 'administration',
      path: '/api/billing/invoices/<uuid:pk>/void/',
      doc: { description: 'Void an issued invoice: its number is kept and never reused; its sessions can be billed again' },
      methods: { POST: action('Void an issued invoice', (actorId, id) => voidInvoice(core, actorId, id)) },
    },
    {
      key: 'invoice_pdf',
      section: 'administration',
      path: '/api/billing/invoices/<uuid:pk>/pdf/',
      doc: { description: 'The invoice as a PDF (application/pdf), printable on A4 and US Letter' },
      methods: {
        GET: operation({
          access: 'user',
          summary: 'The invoice as a PDF',
          handler: async ({ params, principal }) => {
            const { filename, pdf } = await invoicePdf(core, caller(principal), params.pk);
            return {
              body: pdf,
              headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${filename}"` },
            };
          },
        }),
      },
    },
  ];
}
