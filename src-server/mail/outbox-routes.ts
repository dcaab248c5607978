// `/api/admin/outbox/`: what mail is queued, sent or failed (never its body), and a retry for failed mail.
import { z } from 'zod';
import { OUTBOX_STATUSES } from '../db/models/outbox-mail.js';
import { PAGING_DOC, paginate, pageQuery } from '../http/pagination.js';
import { operation, type Endpoint } from '../http/route-table.js';
import type { Outbox } from './outbox.js';
import { presentMail } from './outbox-presenter.js';

export function outboxEndpoints(outbox: Outbox): Endpoint[] {
  return [
    {
      key: 'mail_outbox',
      section: 'administration',
      path: '/api/admin/outbox/',
      doc: {
        description:
          "Queued, sent, failed and expired mails: recipient, subject, status, attempts, last error and not_before (a reminder's moment), never the body (Staff only)",
        query_parameters: { status: OUTBOX_STATUSES.join(' | '), ...PAGING_DOC },
      },
      methods: {
        GET: operation({
          access: 'staff',
          summary: 'List the mail outbox',
          query: z.object({ ...pageQuery, status: z.enum(OUTBOX_STATUSES).optional() }),
          handler: async ({ query, request }) => {
            return { body: await paginate(request, query, (window) => outbox.list({ status: query.status, ...window }), presentMail) };
          },
        }),
      },
    },
    {
      key: 'mail_outbox_retry',
      section: 'administration',
      path: '/api/admin/outbox/<uuid:pk>/retry/',
      doc: { description: 'Retry a failed mail now (Staff only)' },
      methods: {
        POST: operation({
          access: 'staff',
          summary: 'Retry a failed mail',
          handler: async ({ params }) => ({ body: presentMail(await outbox.retry(params.pk)) }),
        }),
      },
    },
  ];
}
