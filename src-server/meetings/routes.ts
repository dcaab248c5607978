// `/api/meetings/`: appointment requests, their scheduling with Jitsi, meeting info and stats, in the seed's shape.
import type { ServerCore } from '../core.js';
import type { AppointmentAttributes, AppointmentInstance } from '../db/models/appointment.js';
import type { UserAttributes } from '../db/models/user.js';
import { plainRows, quotedTable } from '../db/plain-rows.js';
import { paginate, type PageWindow } from '../http/pagination.js';
import { caller } from '../http/caller.js';
import { operation, type Endpoint } from '../http/route-table.js';
import { Appointments } from './appointments.js';
import { availabilityEndpoints } from './availability-routes.js';
import { lifecycleEndpoints } from './lifecycle-routes.js';
import { SessionLifecycle } from './lifecycle.js';
import { SessionSeries } from './series.js';
import { nextStatusChange, PageCache } from './page-cache.js';
import { presentAppointment, presentMeetingInfo, presentPracticeInfo, presentStats, type BookingAccount } from './presenter.js';
import { AppointmentStatistics } from './stats.js';
import { appointmentBody, appointmentListQuery, appointmentRequestOf, rejectBody, scheduleBody } from './schemas.js';
import { SEED_DOCS } from './seed-docs.js';

export function meetingsEndpoints(core: ServerCore): Endpoint[] {
  const appointments = new Appointments(core);
  const lifecycle = new SessionLifecycle(core, appointments);
  const series = new SessionSeries(core, appointments);
  const statistics = new AppointmentStatistics(core);
  const pages = new PageCache(core.db);
  /** The booking accounts of `rows`, read in one query, so staff see the account beside the typed contact. */
  const accountsOf = async (rows: Pick<AppointmentAttributes, 'user_id'>[]): Promise<Map<string, BookingAccount>> => {
    const ids = [...new Set(rows.map((row) => row.user_id))];
    if (ids.length === 0) return new Map();
    // Plain rows: on a list page this runs on every request (see bench/).
    const { rows: users } = await plainRows<Pick<UserAttributes, 'id' | 'first_name' | 'last_name' | 'email' | 'time_zone'>>(
      core.db.sequelize,
      core.db.models.User,
      `SELECT id, first_name, last_name, email, time_zone FROM ${quotedTable(core.db.sequelize, core.db.models.User)} WHERE id IN (:ids)`,
      { ids },
    );
    return new Map(users.map((user) => [user.id, user]));
  };
  const present = async (appointment: AppointmentInstance) =>
    presentAppointment(appointment, core.clock.now(), (await accountsOf([appointment])).get(appointment.user_id) ?? null);

  const listOperation = (ownOnly: boolean, summary: string) =>
    operation({
      access: 'user',
      summary,
      query: appointmentListQuery,
      handler: async ({ query, principal, request }) => {
        const now = core.clock.now();
        const who = caller(principal);
        // Everything the answer depends on besides the data: the caller, their role, the origin (page links), the URL.
        const key = JSON.stringify([who.id, who.isStaff, ownOnly, request.origin, request.originalUrl]);
        const { json, until } = await pages.page(key, now, async () => {
          let accounts = new Map<string, BookingAccount>();
          let until = Infinity;
          const list = async (window: PageWindow) => {
            const page = await appointments.list(who, { ownOnly, status: query.status, email: query.email, ...window });
            accounts = await accountsOf(page.rows);
            until = Math.min(until, nextStatusChange(page.rows, now));
            return page;
          };
          const body = await paginate(request, query, list, (row) => presentAppointment(row, now, accounts.get(row.user_id) ?? null));
          return { json: Buffer.from(JSON.stringify(body)), until };
        });
        return { headers: { 'content-type': 'application/json; charset=utf-8' }, body: json, replay: { until } };
      },
    });

  const statsOperation = (access: 'user' | 'staff', wholePractice: boolean, summary: string) =>
    operation({
      access,
      summary,
      handler: async ({ principal }) => ({ body: presentStats(await statistics.compute(wholePractice ? null : caller(principal).id)) }),
    });

  return [
    ...availabilityEndpoints(core, lifecycle),
    {
      key: 'create_appointment',
      section: 'appointments',
      path: '/api/meetings/appointments/create/',
      doc: SEED_DOCS.create_appointment,
      methods: {
        POST: operation({
          access: 'user',
          summary: 'Request an appointment',
          body: appointmentBody,
          status: 201,
          handler: async ({ body, principal }) => {
            const created = await appointments.create(caller(principal).id, appointmentRequestOf(body));
            return { status: 201, body: await present(created) };
          },
        }),
      },
    },
    {
      key: 'list_appointments',
      section: 'appointments',
      path: '/api/meetings/appointments/',
      doc: SEED_DOCS.list_appointments,
      methods: { GET: listOperation(false, 'Appointment requests: all for staff, their own for a user') },
    },
    {
      key: 'appointment_stats',
      section: 'appointments',
      path: '/api/meetings/appointments/stats/',
      doc: SEED_DOCS.appointment_stats,
      methods: { GET: statsOperation('staff', true, 'Statistics of the whole practice') },
    },
    {
      key: 'appointment_detail',
      section: 'appointments',
      path: '/api/meetings/appointments/<uuid:pk>/',
      doc: SEED_DOCS.appointment_detail,
      methods: {
        GET: operation({
          access: 'user',
          summary: 'One appointment (its owner or staff)',
          handler: async ({ params, principal }) => ({ body: await present(await appointments.get(caller(principal), params.pk)) }),
        }),
      },
    },
    {
      key: 'user_appointments',
      section: 'appointments',
      path: '/api/meetings/user/appointments/',
      doc: SEED_DOCS.user_appointments,
      methods: { GET: listOperation(true, "The caller's own appointment requests") },
    },
    {
      key: 'schedule_appointment',
      section: 'appointments',
      path: '/api/meetings/appointments/<uuid:pk>/schedule/',
      doc: SEED_DOCS.schedule_appointment,
      methods: {
        POST: operation({
          access: 'staff',
          summary: 'Schedule a pending request and create its Jitsi meeting',
          body: scheduleBody,
          handler: async ({ body, params, principal }) => {
            const request = {
              scheduledDatetime: body.scheduled_datetime,
              durationMinutes: body.scheduled_duration,
              allowBlockedDate: body.allow_blocked_date,
            };
            const scheduled = body.repeat
              ? await series.schedule(params.pk, { ...request, repeat: body.repeat }, caller(principal).id)
              : await appointments.schedule(params.pk, request, caller(principal).id);
            return { body: await present(scheduled) };
          },
        }),
      },
    },
    {
      key: 'reject_appointment',
      section: 'appointments',
      path: '/api/meetings/appointments/<uuid:pk>/reject/',
      doc: SEED_DOCS.reject_appointment,
      methods: {
        POST: operation({
          access: 'staff',
          summary: 'Reject a pending request',
          body: rejectBody,
          handler: async ({ body, params, principal }) => ({
            body: await present(await appointments.reject(params.pk, body.rejection_reason || null, caller(principal).id)),
          }),
        }),
      },
    },
    {
      key: 'jitsi_meeting_info',
      section: 'appointments',
      path: '/api/meetings/appointments/<uuid:pk>/jitsi-meeting/',
      doc: SEED_DOCS.jitsi_meeting_info,
      methods: {
        GET: operation({
          access: 'user',
          summary: 'The video meeting of a scheduled appointment',
          handler: async ({ params, principal }) => {
            const appointment = await appointments.scheduledMeeting(caller(principal), params.pk);
            return { body: presentMeetingInfo(appointment, core.clock.now(), await core.settings.timeZone()) };
          },
        }),
      },
    },
    {
      key: 'user_appointment_stats',
      section: 'appointments',
      path: '/api/meetings/user/appointments/stats/',
      doc: SEED_DOCS.user_appointment_stats,
      methods: { GET: statsOperation('user', false, "Statistics of the caller's own requests") },
    },
    ...lifecycleEndpoints(lifecycle, present, caller),
    {
      key: 'practice_info',
      section: 'appointments',
      path: '/api/meetings/practice/',
      doc: {
        description:
          "The practice's name, therapist, time zone and cancellation notice (for the app header and the cancellation policy); no account needed",
        response_fields: {
          practice_name: 'Name every mail and the header use',
          cancellation_notice_hours: 'Cancelling later than this before the start is a late cancellation',
        },
      },
      methods: {
        GET: operation({
          access: 'anyone',
          summary: "The practice's public profile",
          handler: async () => ({
            body: presentPracticeInfo({
              practiceName: await core.settings.practiceName(),
              therapistName: await core.settings.get('therapist_name'),
              zone: await core.settings.timeZone(),
              noticeHours: await core.settings.cancellationNoticeHours(),
            }),
          }),
        }),
      },
    },
  ];
}
