// The API-root entries of /api/meetings/: the seed's wording wherever it is true of this server, corrected where not.
import { PAGING_DOC } from '../http/pagination.js';

const STATS_FIELDS = {
  total_requests: 'Total number of appointment requests',
  pending_review: 'Number of pending review requests',
  scheduled: 'Number of scheduled appointments',
  rejected: 'Number of rejected requests',
  completed: 'Number of completed appointments',
  completion_rate: 'Percentage of requests that were scheduled',
  trend: 'The last 12 weeks in the practice time zone: [{week_start, requests, scheduled, rejected}]',
};

const PAGING = { ...PAGING_DOC, status: 'pending_review | scheduled | rejected' };

export const SEED_DOCS = {
  admin_availability: {
    description: 'Get or update admin weekly availability (Admin only)',
    response_fields: {
      available_days: 'List of weekday numbers (0-6) when appointments are accepted',
      available_days_display: 'Human-readable day names',
    },
    example_request: { available_days: [0, 1, 2, 3, 4] },
  },
  available_dates: {
    description: 'Get available appointment dates for the next 30 days (Public)',
    response: 'List of available dates in YYYY-MM-DD format',
  },
  blocked_dates: {
    description: 'List or add blocked dates (holidays, leave): no appointment can be requested on them (Staff only)',
    required_fields: ['date'],
    optional_fields: ['note', 'on_existing_sessions'],
    query_parameters: PAGING_DOC,
    response_fields: { date: 'YYYY-MM-DD in the practice time zone', note: 'Optional note (stored encrypted)' },
    example_request: { date: '2026-12-24', note: 'Christmas Eve' },
  },
  blocked_date_detail: {
    description: 'Unblock a date (Staff only)',
    url_parameter: 'day (YYYY-MM-DD)',
  },
  create_appointment: {
    description: 'Create a new appointment request (signed-in users)',
    authentication: 'Required (User only)',
    required_fields: ['first_name', 'last_name', 'email', 'preferred_dates', 'preferred_time_slots'],
    optional_fields: ['phone', 'reason'],
    example_request: {
      first_name: 'John',
      last_name: 'Doe',
      email: 'john@example.com',
      phone: '+1234567890',
      reason: 'Initial consultation for anxiety',
      preferred_dates: ['2024-01-15', '2024-01-16'],
      preferred_time_slots: ['morning', 'afternoon'],
    },
    validation: 'Preferred dates must be within admin available days',
    // Beyond the seed (kept apart so the seed's own lists stay as they were).
    also_accepts: {
      requested_start:
        'ISO start of a free slot from appointments/available-slots/: the request holds it while pending (400 on requested_start if it is not free); preferred_dates and preferred_time_slots may then be omitted. With auto_confirm on the availability the request is scheduled at once',
    },
  },
  list_appointments: {
    description: 'List appointment requests (Admin sees all, users see their own)',
    authentication: 'Required',
    query_parameters: {
      email: "Staff only: filter by the client's email (exact match, case-insensitive); no anonymous lookup, users only ever see their own",
      ...PAGING,
    },
    response_fields: {
      jitsi_meet_url: 'Jitsi meeting URL (only for scheduled appointments)',
      jitsi_room_id: 'Jitsi room ID',
      has_jitsi_meeting: 'Boolean indicating if meeting is created',
      can_join_meeting: 'Boolean indicating if meeting can be joined now',
      meeting_status: 'Current meeting status',
    },
  },
  appointment_detail: {
    description: 'Get detailed information about a specific appointment',
    authentication: 'Required',
    url_parameter: 'pk (UUID of the appointment)',
    response_includes: 'Jitsi meeting information for scheduled appointments',
  },
  user_appointments: {
    description: 'Get appointments for the authenticated user',
    authentication: 'Required',
    query_parameters: PAGING,
    response: "List of user's appointment requests with Jitsi meeting details",
  },
  schedule_appointment: {
    description: 'Schedule an appointment and automatically create Jitsi meeting (Admin only)',
    required_fields: ['scheduled_datetime'],
    optional_fields: ['scheduled_duration'],
    // Beyond the seed (kept apart so the seed's own list stays as it was).
    also_accepts: {
      allow_blocked_date: 'true books a blocked date on purpose; otherwise 409 blocked_date',
      'no scheduled_datetime': "on a request with requested_start: confirms that slot (for the practice's session_minutes)",
      repeat:
        '{every_weeks: 1|2|4, count: 2-26}: a recurring series, all in one transaction or nothing (409 time_conflict with conflicts: [starts]); each session its own appointment sharing series_id; one mail lists the dates with one .ics of every session',
    },
    prerequisites: "Appointment must be in 'pending_review' status",
    example_request: { scheduled_datetime: '2024-01-15T10:00:00Z', scheduled_duration: 60 },
    side_effects: [
      "Updates status to 'scheduled'",
      'Automatically generates Jitsi meeting room',
      'Creates unique Jitsi room ID and URL',
      'Sends confirmation email to user with meeting link',
      'Clears rejection reason if any',
    ],
    response_includes: {
      jitsi_meet_url: 'Generated Jitsi meeting URL',
      jitsi_room_id: 'Unique Jitsi room ID',
      has_jitsi_meeting: 'true',
    },
  },
  reject_appointment: {
    description: 'Reject an appointment request (Admin only)',
    optional_fields: ['rejection_reason'],
    prerequisites: "Appointment must be in 'pending_review' status",
    example_request: { rejection_reason: 'No availability for preferred dates' },
    side_effects: [
      "Updates status to 'rejected'",
      'Clears Jitsi meeting information',
      'Sends rejection email to user',
      'Clears scheduled datetime if any',
    ],
  },
  jitsi_meeting_info: {
    description: 'Get Jitsi meeting information for a scheduled appointment',
    authentication: 'Required',
    prerequisites: "Appointment must be in 'scheduled' status",
    response_fields: {
      meeting_url: 'Jitsi meeting URL',
      room_id: 'Jitsi room ID',
      scheduled_time: 'Formatted scheduled datetime',
      duration: 'Meeting duration display',
      can_join: 'Boolean indicating if meeting can be joined now',
      meeting_status: 'Current meeting status',
      join_instructions: 'Instructions for joining the meeting',
    },
  },
  appointment_stats: {
    description: 'Get appointment statistics and analytics (Admin only)',
    response_fields: STATS_FIELDS,
  },
  user_appointment_stats: {
    description: 'Get appointment statistics and analytics for the authenticated user',
    authentication: 'Required',
    response_fields: STATS_FIELDS,
  },
};
