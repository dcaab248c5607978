// The /api/meetings/ calls: booking, appointments, scheduling, availability, blocked dates, stats.
import { request } from './client';
import type {
  Appointment,
  AppointmentStats,
  AppointmentStatus,
  BlockedDate,
  MeetingInfo,
  Page,
  TimeSlot,
  WeeklyAvailability,
} from '@shared/api-types';

export interface BookingInput {
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  reason: string;
  preferred_dates: string[];
  preferred_time_slots: TimeSlot[];
}

export interface AppointmentFilter {
  status?: AppointmentStatus;
  email?: string;
  page?: number;
  page_size?: number;
}

export const meetingsApi = {
  availableDates: () => request<string[]>('/api/meetings/appointments/available-dates/', { auth: false }),
  book: (input: BookingInput) => request<Appointment>('/api/meetings/appointments/create/', { method: 'POST', body: input }),
  myAppointments: (page: number) => request<Page<Appointment>>('/api/meetings/user/appointments/', { query: { page } }),
  myStats: () => request<AppointmentStats>('/api/meetings/user/appointments/stats/'),
  meetingInfo: (id: string) => request<MeetingInfo>(`/api/meetings/appointments/${id}/jitsi-meeting/`),
  appointments: (filter: AppointmentFilter) =>
    request<Page<Appointment>>('/api/meetings/appointments/', { query: { ...filter } }),
  appointment: (id: string) => request<Appointment>(`/api/meetings/appointments/${id}/`),
  schedule: (id: string, scheduled_datetime: string, scheduled_duration: number) =>
    request<Appointment>(`/api/meetings/appointments/${id}/schedule/`, {
      method: 'POST',
      body: { scheduled_datetime, scheduled_duration },
    }),
  reject: (id: string, rejection_reason: string) =>
    request<Appointment>(`/api/meetings/appointments/${id}/reject/`, { method: 'POST', body: { rejection_reason } }),
  stats: () => request<AppointmentStats>('/api/meetings/appointments/stats/'),
  availability: () => request<WeeklyAvailability>('/api/meetings/admin/availability/'),
  setAvailability: (available_days: number[]) =>
    request<WeeklyAvailability>('/api/meetings/admin/availability/', { method: 'PUT', body: { available_days } }),
  blockedDates: () => request<Page<BlockedDate>>('/api/meetings/admin/blocked-dates/', { query: { page_size: 100 } }),
  blockDate: (date: string, note: string) =>
    request<BlockedDate>('/api/meetings/admin/blocked-dates/', { method: 'POST', body: { date, note } }),
  unblockDate: (date: string) => request<void>(`/api/meetings/admin/blocked-dates/${date}/`, { method: 'DELETE' }),
};
