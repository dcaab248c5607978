// What clients see of appointments, meetings, availability and stats: every field named here, nothing else.
import type * as Api from '../../src-shared/api-types.js';
import type { AppointmentAttributes, AppointmentInstance, AppointmentStatus } from '../db/models/appointment.js';
import type { BlockedDateInstance } from '../db/models/blocked-date.js';
import { isoUtc } from '../http/timestamps.js';
import { DAY_NAMES, type WeeklyAvailability } from './availability.js';
import { meetingStatus, type MeetingStatus } from './meeting-status.js';
import { describePracticeTime } from './practice-time.js';
import type { AppointmentStats } from './stats.js';

const STATUS_DISPLAY: Record<AppointmentStatus, string> = {
  pending_review: 'Pending Review',
  scheduled: 'Scheduled',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
};

/** The booking account as read for presenting: its zone fills client_time_zone. */
export type BookingAccount = Api.BookingAccount & { time_zone?: string | null };

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function presentAppointment(appointment: AppointmentAttributes, now: Date, account: BookingAccount | null = null): Api.Appointment {
  const status = meetingStatus(appointment, now);
  const scheduled = appointment.status === 'scheduled';
  return {
    id: appointment.id,
    user: appointment.user_id,
    first_name: appointment.first_name,
    last_name: appointment.last_name,
    email: appointment.email,
    phone: appointment.phone ?? null,
    reason: appointment.reason ?? null,
    preferred_dates: appointment.preferred_dates,
    preferred_time_slots: appointment.preferred_time_slots,
    status: appointment.status,
    status_display: STATUS_DISPLAY[appointment.status],
    scheduled_datetime: appointment.scheduled_datetime ? isoUtc(appointment.scheduled_datetime) : null,
    scheduled_duration: appointment.scheduled_duration ?? null,
    rejection_reason: appointment.rejection_reason ?? null,
    jitsi_meet_url: scheduled ? appointment.jitsi_meet_url : null,
    jitsi_room_id: scheduled ? appointment.jitsi_room_id : null,
    has_jitsi_meeting: scheduled && appointment.jitsi_meet_url !== null,
    can_join_meeting: status === 'active',
    meeting_status: status,
    cancelled_at: appointment.cancelled_at ? isoUtc(appointment.cancelled_at) : null,
    cancelled_by: appointment.cancelled_by ?? null,
    cancellation_reason: appointment.cancellation_reason ?? null,
    late_cancellation: appointment.late_cancellation ?? false,
    attendance: appointment.attendance ?? null,
    reschedule_of: appointment.reschedule_of ?? null,
    // Section 2 of the lifecycle contract (slots, series, client zones) fills these later; the shape is final now.
    requested_start: appointment.requested_start ? isoUtc(appointment.requested_start) : null,
    series_id: appointment.series_id ?? null,
    client_time_zone: account?.time_zone ?? null,
    account: account ? { first_name: account.first_name, last_name: account.last_name, email: account.email } : null,
    contact_differs: account
      ? !sameText(account.email, appointment.email) ||
        !sameText(`${account.first_name} ${account.last_name}`, `${appointment.first_name} ${appointment.last_name}`)
      : false,
    created_at: isoUtc(appointment.created_at),
    updated_at: isoUtc(appointment.updated_at),
  };
}

/** The seed's meeting info; call only for a scheduled appointment. */
export function presentMeetingInfo(appointment: AppointmentInstance, now: Date, zone: string): Api.MeetingInfo {
  const status = meetingStatus(appointment, now);
  return {
    meeting_url: appointment.jitsi_meet_url,
    room_id: appointment.jitsi_room_id,
    scheduled_time: describePracticeTime(appointment.scheduled_datetime!, zone),
    duration: `${appointment.scheduled_duration} minutes`,
    can_join: status === 'active',
    meeting_status: status,
    join_instructions: JOIN_INSTRUCTIONS[status as ScheduledMeetingStatus],
  };
}

type ScheduledMeetingStatus = Extract<MeetingStatus, 'scheduled' | 'active' | 'completed'>;

const JOIN_INSTRUCTIONS: Record<ScheduledMeetingStatus, string> = {
  scheduled:
    'Open the meeting link in your browser from 10 minutes before the start; no account or app is needed. Allow camera and microphone when asked.',
  active: 'The meeting is open: open the meeting link in your browser and allow camera and microphone when asked.',
  completed: 'This meeting has ended.',
};

/** `autoConfirm`: the practice setting auto_confirm, shown here too (where the seed's screens set it). */
export function presentAvailability(availability: WeeklyAvailability, autoConfirm: boolean): Api.WeeklyAvailability {
  return {
    available_days: availability.availableDays,
    available_days_display: availability.availableDays.map((day) => DAY_NAMES[day]),
    hours: availability.hours,
    session_minutes: availability.sessionMinutes,
    buffer_minutes: availability.bufferMinutes,
    min_notice_hours: availability.minNoticeHours,
    booking_horizon_days: availability.bookingHorizonDays,
    auto_confirm: autoConfirm,
    updated_at: availability.updatedAt ? isoUtc(availability.updatedAt) : null,
  };
}

export function presentBlockedDate(blocked: BlockedDateInstance): Api.BlockedDate {
  return { date: blocked.day, note: blocked.note, created_at: isoUtc(blocked.created_at) };
}

export function presentStats(stats: AppointmentStats): Api.AppointmentStats {
  return {
    total_requests: stats.totalRequests,
    pending_review: stats.pendingReview,
    scheduled: stats.scheduled,
    rejected: stats.rejected,
    completed: stats.completed,
    completion_rate: stats.completionRate,
    cancelled: stats.cancelled,
    late_cancelled: stats.lateCancelled,
    no_show: stats.noShow,
    attended: stats.attended,
    trend: stats.trend.map((week) => ({
      week_start: week.weekStart,
      requests: week.requests,
      scheduled: week.scheduled,
      rejected: week.rejected,
      cancelled: week.cancelled,
      late_cancelled: week.lateCancelled,
      attended: week.attended,
      no_show: week.noShow,
    })),
  };
}

export function presentPracticeInfo(info: {
  practiceName: string;
  therapistName: string | null;
  zone: string;
  noticeHours: number;
}): Api.PracticeInfo {
  return {
    practice_name: info.practiceName,
    therapist_name: info.therapistName,
    practice_timezone: info.zone,
    cancellation_notice_hours: info.noticeHours,
  };
}
