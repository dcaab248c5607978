// `/api/meetings/admin/availability/`, `appointments/available-dates/` and the blocked dates: when clients may request.
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { ServerCore } from '../core.js';
import { paginate, pageQuery } from '../http/pagination.js';
import { operation, type Endpoint } from '../http/route-table.js';
import { Availability, type WeeklyAvailability } from './availability.js';
import { PageCache } from './page-cache.js';
import type { SessionLifecycle } from './lifecycle.js';
import { presentAvailability, presentBlockedDate } from './presenter.js';
import { presentSlot } from './slot-presenter.js';
import { availabilityPatchBody, availabilityPutBody, slotRangeQuery } from './availability-schemas.js';
import { blockedDateBody } from './schemas.js';
import { Slots } from './slots.js';
import { SEED_DOCS } from './seed-docs.js';

export function availabilityEndpoints(core: ServerCore, lifecycle: SessionLifecycle): Endpoint[] {
  const availability = new Availability(core);
  const slots = Slots.of(core);
  const datesCache = new PageCache(core.db);
  const present = async (weekly: WeeklyAvailability) => ({ body: presentAvailability(weekly, await core.settings.flag('auto_confirm')) });
  const showWeekly = async () => present(await availability.weekly());
  return [
    {
      key: 'admin_availability',
      section: 'appointments',
      path: '/api/meetings/admin/availability/',
      doc: SEED_DOCS.admin_availability,
      methods: {
        GET: operation({ access: 'staff', summary: 'The weekly availability (default Monday to Friday)', handler: showWeekly }),
        PUT: operation({
          access: 'staff',
          summary: 'Replace the weekly availability',
          body: availabilityPutBody,
          handler: async ({ body }) => present(await availability.update(body)),
        }),
        PATCH: operation({
          access: 'staff',
          summary: 'Change the weekly availability',
          body: availabilityPatchBody,
          handler: async ({ body }) => present(await availability.update(body)),
        }),
      },
    },
    {
      key: 'available_dates',
      section: 'appointments',
      path: '/api/meetings/appointments/available-dates/',
      doc: SEED_DOCS.available_dates,
      methods: {
        GET: operation({
          access: 'anyone',
          summary: 'Dates a client may request: tomorrow through today + 30 in the practice time zone',
          handler: async () => {
            const now = core.clock.now();
            // The same for everyone until the next write or the practice's next midnight (when "tomorrow" moves on).
            const { json, until } = await datesCache.page('available-dates', now, async () => ({
              json: Buffer.from(JSON.stringify(await availability.availableDates())),
              until: DateTime.fromJSDate(now, { zone: await core.settings.timeZone() })
                .startOf('day')
                .plus({ days: 1 })
                .toMillis(),
            }));
            return { headers: { 'content-type': 'application/json; charset=utf-8' }, body: json, replay: { until } };
          },
        }),
      },
    },
    {
      key: 'available_slots',
      section: 'appointments',
      path: '/api/meetings/appointments/available-slots/',
      doc: {
        description:
          'Free starts a client may request (send one as requested_start to appointments/create/): inside the working hours of available, unblocked days, at least min_notice_hours ahead, within booking_horizon_days, clear (with buffer_minutes on both sides) of every session and every slot held by a pending request. Practice time zone; from/to are practice-zone dates, at most 31 days',
        query_parameters: { from: 'YYYY-MM-DD (required)', to: 'YYYY-MM-DD (required, at most 30 days after from)' },
        example_response: [{ start: '2026-03-02T08:00:00Z', end: '2026-03-02T08:50:00Z', date: '2026-03-02' }],
      },
      methods: {
        GET: operation({
          access: 'anyone',
          summary: 'Free slots between two dates',
          query: slotRangeQuery,
          handler: async ({ query }) => {
            const now = core.clock.now();
            // The same for everyone until the next write, until the first slot falls inside the minimum notice, or
            // until the practice's midnight moves the booking horizon on.
            const { json, until } = await datesCache.page(`available-slots ${query.from} ${query.to}`, now, async () => {
              const free = await slots.between(query.from, query.to);
              const { minNoticeHours } = await availability.weekly();
              const midnight = DateTime.fromJSDate(now, { zone: await core.settings.timeZone() })
                .startOf('day')
                .plus({ days: 1 })
                .toMillis();
              const firstStart = free.reduce((first, slot) => Math.min(first, slot.start.getTime()), Infinity);
              const firstInsideNotice = firstStart - minNoticeHours * 3_600_000 + 1;
              return { json: Buffer.from(JSON.stringify(free.map(presentSlot))), until: Math.min(midnight, firstInsideNotice) };
            });
            return { headers: { 'content-type': 'application/json; charset=utf-8' }, body: json, replay: { until } };
          },
        }),
      },
    },
    {
      key: 'blocked_dates',
      section: 'appointments',
      path: '/api/meetings/admin/blocked-dates/',
      doc: SEED_DOCS.blocked_dates,
      methods: {
        GET: operation({
          access: 'staff',
          summary: 'Blocked dates, earliest first',
          query: z.object(pageQuery),
          handler: async ({ query, request }) => {
            return { body: await paginate(request, query, (window) => availability.listBlocked(window), presentBlockedDate) };
          },
        }),
        POST: operation({
          access: 'staff',
          summary: 'Block a date (409 sessions_on_date unless on_existing_sessions is "keep" or "cancel")',
          body: blockedDateBody,
          status: 201,
          handler: async ({ body, principal }) => ({
            status: 201,
            body: presentBlockedDate(await lifecycle.blockDate(body.date, body.note ?? null, body.on_existing_sessions, principal!.id)),
          }),
        }),
      },
    },
    {
      key: 'blocked_date_detail',
      section: 'appointments',
      path: '/api/meetings/admin/blocked-dates/<date:day>/',
      doc: SEED_DOCS.blocked_date_detail,
      methods: {
        DELETE: operation({
          access: 'staff',
          summary: 'Unblock a date',
          status: 204,
          handler: async ({ params }) => {
            await availability.unblock(params.day);
            return { status: 204 };
          },
        }),
      },
    },
  ];
}
