// `/api/meetings/admin/availability/`, `appointments/available-dates/` and the blocked dates: when clients may request.
import { z } from 'zod';
import type { ServerCore } from '../core.js';
import { paginate, pageQuery } from '../http/pagination.js';
import { operation, type Endpoint } from '../http/route-table.js';
import { Availability } from './availability.js';
import type { SessionLifecycle } from './lifecycle.js';
import { presentAvailability, presentBlockedDate } from './presenter.js';
import { availabilityBody, availabilityPatch, blockedDateBody } from './schemas.js';
import { SEED_DOCS } from './seed-docs.js';

export function availabilityEndpoints(core: ServerCore, lifecycle: SessionLifecycle): Endpoint[] {
  const availability = new Availability(core);
  const showWeekly = async () => ({ body: presentAvailability(await availability.weekly()) });
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
          body: availabilityBody,
          handler: async ({ body }) => ({ body: presentAvailability(await availability.setWeekly(body.available_days)) }),
        }),
        PATCH: operation({
          access: 'staff',
          summary: 'Change the weekly availability',
          body: availabilityPatch,
          handler: async ({ body }) => (body.available_days ? { body: presentAvailability(await availability.setWeekly(body.available_days)) } : showWeekly()),
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
          handler: async () => ({ body: await availability.availableDates() }),
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
