// DRF's PageNumberPagination: ?page= and ?page_size= (default 20, max 100), {count, next, previous, results}.
import { z } from 'zod';
import { NotFound } from './errors.js';
import type { RequestInfo } from './route-table.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** The paging parameters as the API root documents them, derived from the limits above. */
export const PAGING_DOC = {
  page: 'Page number',
  page_size: `Items per page (default ${DEFAULT_PAGE_SIZE}, max ${MAX_PAGE_SIZE})`,
};

/** Like DRF: a page_size that is not a positive number falls back to the default, a large one is capped. */
export const pageQuery = {
  page: z.string().optional(),
  page_size: z.string().optional(),
};

export interface PageRequest {
  page: number;
  pageSize: number;
  offset: number;
  limit: number;
}

export function pageRequest(query: { page?: string; page_size?: string }): PageRequest {
  const page = query.page === undefined || query.page === 'last' ? 1 : Number(query.page);
  // A page past 2^53 would reach SQL as 1e+21: no such page exists anyway.
  if (!Number.isSafeInteger(page) || page < 1) throw new NotFound('Invalid page.');
  const requested = Number(query.page_size);
  const pageSize = Number.isInteger(requested) && requested > 0 ? Math.min(requested, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  return { page, pageSize, offset: (page - 1) * pageSize, limit: pageSize };
}

export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export function pageOf<T>(request: RequestInfo, paging: PageRequest, count: number, results: T[]): Page<T> {
  const lastPage = Math.max(1, Math.ceil(count / paging.pageSize));
  if (paging.page > lastPage) throw new NotFound('Invalid page.');
  const link = (page: number) => {
    const url = new URL(request.originalUrl, request.origin);
    if (page === 1) url.searchParams.delete('page');
    else url.searchParams.set('page', String(page));
    return url.toString();
  };
  return {
    count,
    next: paging.page < lastPage ? link(paging.page + 1) : null,
    previous: paging.page > 1 ? link(paging.page - 1) : null,
    results,
  };
}
