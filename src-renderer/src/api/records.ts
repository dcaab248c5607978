// The client record and billing calls: clients, session notes, invoices, the audit log, exports (staff; a client
// reads only their own issued invoices).
import { request } from './client';
import type {
  AuditEvent,
  ClientExport,
  ClientRecord,
  Client,
  Invoice,
  InvoiceStatus,
  Message,
  NoteTemplate,
  Page,
  SessionNote,
  User,
} from '@shared/api-types';

export interface InvoiceFilter {
  status?: InvoiceStatus;
  client?: string;
  page?: number;
}

export const clientsApi = {
  list: (search: string, page: number, page_size?: number) =>
    request<Page<Client>>('/api/clients/', { query: { search, page, page_size } }),
  record: (id: string) => request<ClientRecord>(`/api/clients/${id}/`),
  setFee: (id: string, fee: string | null) => request<ClientRecord>(`/api/clients/${id}/`, { method: 'PATCH', body: { fee } }),
  exportJson: (id: string) => request<ClientExport>(`/api/clients/${id}/export/`),
  exportPdf: (id: string) => request<Blob>(`/api/clients/${id}/export/`, { query: { format: 'pdf' }, blob: true }),
  /** `purge`: also delete the client's notes and invoices (otherwise a client who has them is a 409 has_records). */
  remove: (id: string, purge: boolean) =>
    request<Message & { user: User }>(`/api/auth/delete-user/${id}/`, { method: 'DELETE', query: { purge: purge ? 'true' : undefined } }),
};

export const notesApi = {
  note: (appointmentId: string) => request<SessionNote>(`/api/meetings/appointments/${appointmentId}/note/`),
  write: (appointmentId: string, template: NoteTemplate, fields: Record<string, string>) =>
    request<SessionNote>(`/api/meetings/appointments/${appointmentId}/note/`, { method: 'PUT', body: { template, fields } }),
  sign: (appointmentId: string) => request<SessionNote>(`/api/meetings/appointments/${appointmentId}/note/sign/`, { method: 'POST' }),
  addAddendum: (appointmentId: string, text: string) =>
    request<SessionNote>(`/api/meetings/appointments/${appointmentId}/note/addenda/`, { method: 'POST', body: { text } }),
};

export const billingApi = {
  invoices: (filter: InvoiceFilter) => request<Page<Invoice>>('/api/billing/invoices/', { query: { ...filter } }),
  invoice: (id: string) => request<Invoice>(`/api/billing/invoices/${id}/`),
  createDraft: (client: string, appointments: string[]) =>
    request<Invoice>('/api/billing/invoices/', { method: 'POST', body: { client, appointments } }),
  issue: (id: string) => request<Invoice>(`/api/billing/invoices/${id}/issue/`, { method: 'POST' }),
  markPaid: (id: string, paid_on: string) =>
    request<Invoice>(`/api/billing/invoices/${id}/mark-paid/`, { method: 'POST', body: { paid_on } }),
  void: (id: string) => request<Invoice>(`/api/billing/invoices/${id}/void/`, { method: 'POST' }),
  pdf: (id: string) => request<Blob>(`/api/billing/invoices/${id}/pdf/`, { blob: true }),
};

export const auditApi = {
  page: (page: number) => request<Page<AuditEvent>>('/api/admin/audit-log/', { query: { page } }),
};
