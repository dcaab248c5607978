// Query keys of sessions (appointments) and the practice's availability: one factory each, so a change invalidates
// exactly the data it touched (`appointmentKeys.all` covers every list, detail and figure of appointments).
import type { AppointmentFilter } from '../../api/meetings';

export const appointmentKeys = {
  all: ['appointments'] as const,
  lists: () => [...appointmentKeys.all, 'list'] as const,
  list: (filter: AppointmentFilter) => [...appointmentKeys.lists(), filter] as const,
  /** null while no appointment is open (the query is disabled then). */
  detail: (id: string | null) => [...appointmentKeys.all, 'detail', id] as const,
  stats: () => [...appointmentKeys.all, 'stats'] as const,
  /** The signed-in client's own appointments and figures. */
  mine: () => [...appointmentKeys.all, 'mine'] as const,
  myList: (page: number) => [...appointmentKeys.mine(), 'list', page] as const,
  myStats: () => [...appointmentKeys.mine(), 'stats'] as const,
  /** A session's join details change with its time. */
  meetingInfo: (id: string, scheduledAt: string | null) => [...appointmentKeys.all, 'meeting', id, scheduledAt] as const,
};

export const availabilityKeys = {
  all: ['availability'] as const,
  weekly: () => [...availabilityKeys.all, 'weekly'] as const,
  blockedDates: () => [...availabilityKeys.all, 'blocked-dates'] as const,
  /** The dates clients may book: they follow the weekly days, the blocked dates and the practice's time zone. */
  availableDates: () => [...availabilityKeys.all, 'available-dates'] as const,
  /** Free slots follow the same rules plus every session and held request: under `all` and `appointmentKeys` changes. */
  slots: (from: string, to: string) => [...availabilityKeys.all, 'slots', from, to] as const,
};

export const calendarKeys = {
  all: ['calendar'] as const,
  range: (from: string, to: string) => [...calendarKeys.all, 'range', from, to] as const,
  feed: () => [...calendarKeys.all, 'feed'] as const,
};
