// `/api/meetings/appointments/<uuid>/…`: cancel, reschedule, request-reschedule and attendance (lifecycle contract §1).
import type { AppointmentInstance } from '../db/models/appointment.js';
import { operation, type Endpoint, type Principal } from '../http/route-table.js';
import type { SessionLifecycle } from './lifecycle.js';
import type { presentAppointment } from './presenter.js';
import { appointmentBody, appointmentRequestOf, attendanceBody, cancelBody, rescheduleBody } from './schemas.js';

type Presented = ReturnType<typeof presentAppointment>;

export function lifecycleEndpoints(
  lifecycle: SessionLifecycle,
  present: (appointment: AppointmentInstance) => Promise<Presented>,
  caller: (principal: Principal | null) => Principal,
): Endpoint[] {
  return [
    {
      key: 'cancel_appointment',
      section: 'appointments',
      path: '/api/meetings/appointments/<uuid:pk>/cancel/',
      doc: {
        description:
          'Cancel a pending request or a scheduled session before its start (its owner or staff). A client cancelling inside the notice window (cancellation_notice_hours) gets late_cancellation: true',
        optional_fields: ['reason', 'scope'],
        scope: 'For a session of a recurring series: "one" (default) or "following" (this and every later session of the series)',
        example_request: { reason: 'I am ill' },
        errors: { 409: 'invalid_status (not pending or scheduled), already_started' },
        side_effects: [
          'Mails the client a calendar cancellation (METHOD:CANCEL, same UID)',
          "A client's cancellation is also mailed to the practice's notify_email",
          'Withdraws the queued reminders',
        ],
      },
      methods: {
        POST: operation({
          access: 'user',
          summary: 'Cancel a request or a session that has not started',
          body: cancelBody,
          handler: async ({ body, params, principal }) => ({
            body: await present(await lifecycle.cancel(caller(principal), params.pk, body.reason ?? null, body.scope)),
          }),
        }),
      },
    },
    {
      key: 'reschedule_appointment',
      section: 'appointments',
      path: '/api/meetings/appointments/<uuid:pk>/reschedule/',
      doc: {
        description:
          'Move a future scheduled session (Staff only): the rules of schedule, no overlap with any other session; keeps the Jitsi room',
        required_fields: ['scheduled_datetime'],
        optional_fields: ['scheduled_duration', 'allow_blocked_date', 'repeat'],
        repeat:
          '{every_weeks: 1|2|4, count: 2-26}: moves this session and books its repeats after it as one series, all or nothing (409 time_conflict with conflicts: [starts]); one mail lists every date',
        example_request: { scheduled_datetime: '2026-03-02T11:00:00+01:00' },
        errors: { 409: 'time_conflict (the detail names the clashing session), blocked_date, invalid_status, already_started' },
        side_effects: [
          'Mails the client the new time with a calendar update (METHOD:REQUEST, same UID, higher SEQUENCE)',
          'Re-plans the reminders',
        ],
      },
      methods: {
        POST: operation({
          access: 'staff',
          summary: 'Move a scheduled session',
          body: rescheduleBody,
          handler: async ({ body, params, principal }) => ({
            body: await present(
              await lifecycle.reschedule(
                params.pk,
                {
                  scheduledDatetime: body.scheduled_datetime,
                  durationMinutes: body.scheduled_duration,
                  allowBlockedDate: body.allow_blocked_date,
                  repeat: body.repeat,
                },
                caller(principal).id,
              ),
            ),
          }),
        }),
      },
    },
    {
      key: 'request_reschedule',
      section: 'appointments',
      path: '/api/meetings/appointments/<uuid:pk>/request-reschedule/',
      doc: {
        description:
          'Ask to move one\'s own scheduled session: a new pending request with reschedule_of; the session stays booked until staff schedule the request (then it is cancelled with cancelled_by "reschedule"). One open request per session',
        required_fields: ['first_name', 'last_name', 'email', 'preferred_dates', 'preferred_time_slots'],
        optional_fields: ['phone', 'reason'],
      },
      methods: {
        POST: operation({
          access: 'user',
          summary: 'Ask to move a scheduled session',
          body: appointmentBody,
          status: 201,
          handler: async ({ body, params, principal }) => {
            const created = await lifecycle.requestReschedule(caller(principal), params.pk, appointmentRequestOf(body));
            return { status: 201, body: await present(created) };
          },
        }),
      },
    },
    {
      key: 'appointment_attendance',
      section: 'appointments',
      path: '/api/meetings/appointments/<uuid:pk>/attendance/',
      doc: {
        description: 'Record whether the client came: attended or no_show (Staff only), once the session has started; may be corrected',
        required_fields: ['attendance'],
        example_request: { attendance: 'attended' },
        errors: { 409: 'not_started, invalid_status' },
      },
      methods: {
        POST: operation({
          access: 'staff',
          summary: 'Record attendance',
          body: attendanceBody,
          handler: async ({ body, params, principal }) => ({
            body: await present(await lifecycle.recordAttendance(params.pk, body.attendance, caller(principal).id)),
          }),
        }),
      },
    },
  ];
}
