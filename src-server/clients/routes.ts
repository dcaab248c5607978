// `/api/clients/`: the therapist's client list and each client's record (staff only).
import type { ServerCore } from '../core.js';
import { PAGING_DOC, paginate } from '../http/pagination.js';
import { operation, type Endpoint, type Principal } from '../http/route-table.js';
import { changeClientFee, listClients } from './clients.js';
import { exportClientRecord, exportClientRecordPdf } from './export.js';
import { presentClient } from './presenter.js';
import { clientRecord } from './record.js';
import { clientExportQuery, clientListQuery, clientPatch } from './schemas.js';

export function clientsEndpoints(core: ServerCore): Endpoint[] {
  // The router lets only staff reach a `staff` operation.
  const caller = (principal: Principal | null): Principal => principal!;
  return [
    {
      key: 'clients',
      section: 'administration',
      path: '/api/clients/',
      doc: {
        description:
          "The practice's clients (accounts that are not staff), newest first: each user object with upcoming_sessions, past_sessions, no_shows, late_cancellations, last_session and next_session",
        query_parameters: { search: 'Exact email address, or part of a first or last name', ...PAGING_DOC },
      },
      methods: {
        GET: operation({
          access: 'staff',
          summary: 'Clients with their session counts',
          query: clientListQuery,
          handler: async ({ query, request }) => ({
            body: await paginate(
              request,
              query,
              (window) => listClients(core, { search: query.search, ...window }),
              ({ user, summary }) => presentClient(user, summary),
            ),
          }),
        }),
      },
    },
    {
      key: 'client_detail',
      section: 'administration',
      path: '/api/clients/<uuid:pk>/',
      doc: {
        description:
          "One client's record: the client with counts and fee override, sessions and requests, notes' headers (never their text), invoices. PATCH sets the fee override",
        optional_fields: ['fee'],
        example_request: { fee: '90.00' },
      },
      methods: {
        GET: operation({
          access: 'staff',
          summary: "One client's record",
          handler: async ({ params }) => ({ body: await clientRecord(core, params.pk) }),
        }),
        PATCH: operation({
          access: 'staff',
          summary: "Set or clear the client's fee override",
          body: clientPatch,
          handler: async ({ body, params, principal }) => {
            await changeClientFee(core, caller(principal).id, params.pk, body.fee);
            return { body: await clientRecord(core, params.pk) };
          },
        }),
      },
    },
    {
      key: 'client_export',
      section: 'administration',
      path: '/api/clients/<uuid:pk>/export/',
      doc: {
        description:
          "A records request: the client's whole record (account, sessions and requests, notes with addenda, invoices) as JSON, or ?format=pdf as a readable PDF; audited",
        query_parameters: { format: 'json (default) or pdf' },
      },
      methods: {
        GET: operation({
          access: 'staff',
          summary: "Export a client's whole record",
          query: clientExportQuery,
          handler: async ({ params, principal, query }) => {
            if (query.format !== 'pdf') return { body: await exportClientRecord(core, caller(principal).id, params.pk) };
            const { filename, pdf } = await exportClientRecordPdf(core, caller(principal).id, params.pk);
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
