// Query keys of the audit log (every staff action adds to it, so actions on records invalidate `all`).
export const auditKeys = {
  all: ['audit'] as const,
  page: (page: number) => [...auditKeys.all, page] as const,
};
