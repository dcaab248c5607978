// Request schemas of /api/clients/.
import { z } from 'zod';
import { pageQuery } from '../http/pagination.js';

export const clientListQuery = z.object({
  ...pageQuery,
  search: z.string().trim().max(254).optional(),
});

export const clientPatch = z.object({
  /** Decimal string in the practice currency; null or "" removes the override. */
  fee: z.union([z.string().trim().max(20), z.null()]).transform((value) => (value === '' ? null : value)),
});

export const clientExportQuery = z.object({
  format: z.enum(['json', 'pdf']).default('json'),
});
