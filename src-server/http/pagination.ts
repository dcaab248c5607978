// DRF's PageNumberPagination: ?page= (a number or "last") and ?page_size= (default 20, max 100), {count, next, previous, results}.
import { z } from 'zod';
import type { Page } from '../../src-shared/api-types.js';
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

/** The rows a list query fetches for one page. */
export interface PageWindow {
  offset: number;
  limit: number;
}

/** A page as DRF answers it; the type is the API's, shared with the renderer. */
export type { Page };

/** DRF's `last_page_strings`: `?page=last` asks for the last page, whatever its number. */
const LAST_PAGE = 'last';

/**
 * One page of a list, the way DRF pages it: `fetch` returns the total count and the rows of a window.
 * `?page=last` needs the count first, so it fetches the first window, then the last one when that differs.
 */
export async function paginate<Row, Shown>(
  request: RequestInfo,
  query: { page?: string; page_size?: string },
  fetch: (window: PageWindow) => Promise<{ count: number; rows: Row[] }>,
  present: (row: Row) => Shown,
): Promise<Page<Shown>> {
  const pageSize = pageSizeOf(query.page_size);
  const windowOf = (page: number): PageWindow => ({ offset: (page - 1) * pageSize, limit: pageSize });
  let page = query.page === LAST_PAGE ? 1 : pageNumberOf(query.page);
  let { count, rows } = await fetch(windowOf(page));
  const lastPage = Math.max(1, Math.ceil(count / pageSize));
  if (query.page === LAST_PAGE && lastPage > page) {
    page = lastPage;
    ({ count, rows } = await fetch(windowOf(page)));
  }
  if (page > lastPage) throw new NotFound('Invalid page.');
  const link = (target: number) => {
    const url = new URL(request.originalUrl, request.origin);
    if (target === 1) url.searchParams.delete('page');
    else url.searchParams.set('page', String(target));
    return url.toString();
  };
  return {
    count,
    next: page < lastPage ? link(page + 1) : null,
    previous: page > 1 ? link(page - 1) : null,
    results: rows.map(present),
  };
}

function pageNumberOf(value: string | undefined): number {
  const page = value === undefined ? 1 : Number(value);
  // A page past 2^53 would reach SQL as 1e+21: no such page exists anyway.
  if (!Number.isSafeInteger(page) || page < 1) throw new NotFound('Invalid page.');
  return page;
}

function pageSizeOf(value: string | undefined): number {
  const requested = Number(value);
  return Number.isInteger(requested) && requested > 0 ? Math.min(requested, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
}
