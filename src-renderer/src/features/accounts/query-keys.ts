// Query keys of accounts: the signed-in profile, the practice's user list and first-run setup.
export const accountKeys = {
  all: ['accounts'] as const,
  profile: () => [...accountKeys.all, 'profile'] as const,
  lists: () => [...accountKeys.all, 'list'] as const,
  list: (search: string, page: number) => [...accountKeys.lists(), search, page] as const,
  setup: () => [...accountKeys.all, 'setup'] as const,
};
