// Previous / next for the API's DRF-style pages.
interface Props {
  page: number;
  data: { count: number; next: string | null; previous: string | null };
  onPage: (page: number) => void;
}

export function Pager({ page, data, onPage }: Props) {
  if (!data.next && !data.previous) return null;
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" className="button secondary small" disabled={!data.previous} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span>
        Page {page} · {data.count} in all
      </span>
      <button type="button" className="button secondary small" disabled={!data.next} onClick={() => onPage(page + 1)}>
        Next
      </button>
    </nav>
  );
}
