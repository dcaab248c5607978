// Request schemas of /api/billing/.
import { z } from 'zod';
import { INVOICE_STATUSES } from '../db/models/invoice.js';
import { isoDate, uuid } from '../http/fields.js';
import { pageQuery } from '../http/pagination.js';

function distinct<T>(items: T[]): boolean {
  return new Set(items).size === items.length;
}

export const invoiceCreateBody = z.object({
  client: uuid,
  appointments: z.array(uuid).min(1).max(100).refine(distinct, 'Each session may appear only once.'),
});

export const markPaidBody = z.object({
  paid_on: isoDate,
});

export const invoiceListQuery = z.object({
  ...pageQuery,
  status: z.enum(INVOICE_STATUSES).optional(),
  client: uuid.optional(),
});
