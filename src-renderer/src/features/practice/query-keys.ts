// Query keys of the practice's administration: settings, the mail outbox, the API reference.
import type { MailStatus } from '@shared/api-types';

export const practiceKeys = {
  settings: () => ['practice', 'settings'] as const,
  /** The public profile (name, zone, notice) follows the settings: saving them refreshes it too. */
  info: () => [...practiceKeys.settings(), 'public'] as const,
  outbox: () => ['practice', 'outbox'] as const,
  outboxPage: (status: MailStatus | undefined, page: number) => [...practiceKeys.outbox(), status ?? 'all', page] as const,
  apiRoot: () => ['practice', 'api-root'] as const,
};
