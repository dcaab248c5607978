// The /api/meetings/ calls: booking, appointments, scheduling, availability, blocked dates, stats.
import { request } from './client';
import type {
  Appointment,
  AppointmentStats,
  AvailableSlot,
  CalendarFeedState,
  CalendarView,
  AppointmentStatus,
  BlockedDate,
  Attendance,
  MeetingInfo,
  Page,
  PracticeInfo,
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

export interface SlotBookingInput {
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  reason: string;
  requested_start: string;
}

export type AvailabilityChange = Partial<
  Pick<WeeklyAvailability, 'hours' | 'session_minutes' | 'buffer_minutes' | 'min_notice_hours' | 'booking_horizon_days' | 'auto_confirm'>
>;

export interface AppointmentFilter {
  status?: AppointmentStatus;
  email?: string;
  page?: number;
  page_size?: number;
}

export const meetingsApi = {
  availableDates: () => request<string[]>('/api/meetings/appointments/available-dates/', { auth: false }),
  book: (input: BookingInput) => request<Appointment>('/api/meetings/appointments/create/', { method: 'POST', body: input }),
  /** Free slots between two practice-zone days (at most 31 days). */
  availableSlots: (from: string, to: string) =>
    request<AvailableSlot[]>('/api/meetings/appointments/available-slots/', { auth: false, query: { from, to } }),
  /** Requests (holds) one free slot; the preferred dates and times are derived from it. */
  bookSlot: (input: SlotBookingInput) => request<Appointment>('/api/meetings/appointments/create/', { method: 'POST', body: input }),
  calendar: (from: string, to: string) => request<CalendarView>('/api/meetings/calendar/', { query: { from, to } }),
  confirmSlot: (id: string) => request<Appointment>(`/api/meetings/appointments/${id}/schedule/`, { method: 'POST', body: {} }),
  calendarFeed: () => request<CalendarFeedState>('/api/admin/settings/calendar-feed/'),
  makeCalendarFeed: () => request<CalendarFeedState>('/api/admin/settings/calendar-feed/', { method: 'POST' }),
  setFeedFullNames: (feed_full_names: boolean) =>
    request<CalendarFeedState>('/api/admin/settings/calendar-feed/', { method: 'PATCH', body: { feed_full_names } }),
  revokeCalendarFeed: () => request<void>('/api/admin/settings/calendar-feed/', { method: 'DELETE' }),
  updateAvailability: (body: AvailabilityChange) =>
    request<WeeklyAvailability>('/api/meetings/admin/availability/', { method: 'PATCH', body }),
  myAppointments: (page: number) => request<Page<Appointment>>('/api/meetings/user/appointments/', { query: { page } }),
  myStats: () => request<AppointmentStats>('/api/meetings/user/appointments/stats/'),
  meetingInfo: (id: string) => request<MeetingInfo>(`/api/meetings/appointments/${id}/jitsi-meeting/`),
  appointments: (filter: AppointmentFilter) => request<Page<Appointment>>('/api/meetings/appointments/', { query: { ...filter } }),
  appointment: (id: string) => request<Appointment>(`/api/meetings/appointments/${id}/`),
  schedule: (id: string, scheduled_datetime: string, scheduled_duration: number, allow_blocked_date = false) =>
    request<Appointment>(`/api/meetings/appointments/${id}/schedule/`, {
      method: 'POST',
      body: { scheduled_datetime, scheduled_duration, allow_blocked_date },
    }),
  reject: (id: string, rejection_reason: string) =>
    request<Appointment>(`/api/meetings/appointments/${id}/reject/`, { method: 'POST', body: { rejection_reason } }),
  cancel: (id: string, reason: string) =>
    request<Appointment>(`/api/meetings/appointments/${id}/cancel/`, { method: 'POST', body: { reason } }),
  reschedule: (id: string, scheduled_datetime: string, scheduled_duration: number, allow_blocked_date = false) =>
    request<Appointment>(`/api/meetings/appointments/${id}/reschedule/`, {
      method: 'POST',
      body: { scheduled_datetime, scheduled_duration, allow_blocked_date },
    }),
  requestReschedule: (id: string, input: BookingInput | SlotBookingInput) =>
    request<Appointment>(`/api/meetings/appointments/${id}/request-reschedule/`, { method: 'POST', body: input }),
  recordAttendance: (id: string, attendance: Attendance) =>
    request<Appointment>(`/api/meetings/appointments/${id}/attendance/`, { method: 'POST', body: { attendance } }),
  practice: () => request<PracticeInfo>('/api/meetings/practice/', { auth: false }),
  stats: () => request<AppointmentStats>('/api/meetings/appointments/stats/'),
  availability: () => request<WeeklyAvailability>('/api/meetings/admin/availability/'),
  setAvailability: (available_days: number[]) =>
    request<WeeklyAvailability>('/api/meetings/admin/availability/', { method: 'PUT', body: { available_days } }),
  blockedDates: () => request<Page<BlockedDate>>('/api/meetings/admin/blocked-dates/', { query: { page_size: 100 } }),
  /** `on_existing_sessions`: what becomes of the sessions on that date (without it, a 409 sessions_on_date lists them). */
  blockDate: (date: string, note: string, on_existing_sessions?: 'keep' | 'cancel') =>
    request<BlockedDate>('/api/meetings/admin/blocked-dates/', { method: 'POST', body: { date, note, on_existing_sessions } }),
  unblockDate: (date: string) => request<void>(`/api/meetings/admin/blocked-dates/${date}/`, { method: 'DELETE' }),
};
