// Query keys of the client record: the client list and each client's record (sessions, note headers, invoices).
export const clientKeys = {
  all: ['clients'] as const,
  lists: () => [...clientKeys.all, 'list'] as const,
  list: (search: string, page: number) => [...clientKeys.lists(), search, page] as const,
  /** The first hundred clients, for naming the rows of lists that hold only client ids. */
  names: () => [...clientKeys.lists(), 'names'] as const,
  record: (id: string) => [...clientKeys.all, 'record', id] as const,
};
