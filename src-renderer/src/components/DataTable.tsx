// A scrollable table with column headings and a last, unlabelled-on-screen column for each row's actions.
import type { ComponentProps, ReactNode } from 'react';
import { Pager } from './Pager';

/** With `paging`, the page links follow the table. */
export function DataTable({
  columns,
  paging,
  children,
}: {
  columns: string[];
  paging?: ComponentProps<typeof Pager>;
  children: ReactNode;
}) {
  return (
    <>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
      {paging && <Pager {...paging} />}
    </>
  );
}
