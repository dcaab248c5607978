// The /api/admin/ calls: practice settings and the mail outbox.
import { request } from './client';
import type { MailStatus, OutboxMail, Page, SettingKey, SettingsResponse } from '@shared/api-types';

export const adminApi = {
  settings: () => request<SettingsResponse>('/api/admin/settings/'),
  updateSettings: (changes: Partial<Record<SettingKey, string | null>>) =>
    request<SettingsResponse>('/api/admin/settings/', { method: 'PATCH', body: changes }),
  outbox: (status: MailStatus | undefined, page: number) => request<Page<OutboxMail>>('/api/admin/outbox/', { query: { status, page } }),
  retryMail: (id: string) => request<OutboxMail>(`/api/admin/outbox/${id}/retry/`, { method: 'POST' }),
};
