// A list's filters and page number: changing a filter goes back to the first page.
import { useState } from 'react';

export function usePagedFilter<T extends object>(initial: T) {
  const [filter, setFilterState] = useState(initial);
  const [page, setPage] = useState(1);
  const setFilter = (change: Partial<T>) => {
    setFilterState((current) => ({ ...current, ...change }));
    setPage(1);
  };
  return { filter, setFilter, page, setPage };
}
