// `/api/admin/audit-log/`: the staff's view of the audit log, newest first, ids and actions only.
import { z } from 'zod';
import type * as Api from '../../src-shared/api-types.js';
import type { ServerCore } from '../core.js';
import type { AuditEventInstance } from '../db/models/audit-event.js';
import { PAGING_DOC, paginate, pageQuery } from '../http/pagination.js';
import { operation, type Endpoint } from '../http/route-table.js';
import { isoUtc } from '../http/timestamps.js';
import { AUDIT_ACTIONS, listAudit } from './audit-log.js';

export function presentAuditEvent(event: AuditEventInstance): Api.AuditEvent {
  return {
    id: event.id,
    actor: event.actor_id,
    action: event.action,
    record_type: event.record_type,
    record_id: event.record_id,
    created_at: isoUtc(event.created_at),
  };
}

export function auditEndpoints(core: ServerCore): Endpoint[] {
  return [
    {
      key: 'audit_log',
      section: 'administration',
      path: '/api/admin/audit-log/',
      doc: {
        description:
          'The audit log, newest first: who (actor id) did what (action) to which record (type and id), and when; never names or note text',
        query_parameters: PAGING_DOC,
        actions: AUDIT_ACTIONS,
      },
      methods: {
        GET: operation({
          access: 'staff',
          summary: 'The audit log, newest first',
          query: z.object({ ...pageQuery }),
          handler: async ({ query, request }) => ({
            body: await paginate(request, query, (window) => listAudit(core, window), presentAuditEvent),
          }),
        }),
      },
    },
  ];
}
