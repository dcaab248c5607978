// `/api/meetings/calendar/` (the staff's day and week view), the private feed `/api/meetings/calendar.ics?token=…`,
// and `/api/admin/settings/calendar-feed/` to make, configure and revoke that feed's token.
import { z } from 'zod';
import type { ServerCore } from '../core.js';
import { caller } from '../http/caller.js';
import { NotFound } from '../http/errors.js';
import { operation, type Endpoint } from '../http/route-table.js';
import { calendarFeed } from './feed.js';
import { CalendarFeeds, FEED_PATH } from './feed-tokens.js';
import { CalendarWeek, MAX_CALENDAR_DAYS } from './week.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.');

export function calendarEndpoints(core: ServerCore): Endpoint[] {
  const week = new CalendarWeek(core);
  const feeds = new CalendarFeeds(core);
  return [
    {
      key: 'calendar',
      section: 'appointments',
      path: '/api/meetings/calendar/',
      doc: {
        description: `The calendar for a day or week view (Staff only): scheduled sessions, slots held by pending requests, and blocked dates between two practice-zone dates (at most ${MAX_CALENDAR_DAYS} days)`,
        query_parameters: { from: 'YYYY-MM-DD (required)', to: 'YYYY-MM-DD (required)' },
        response_fields: {
          entries: '[{id, kind: session|held, status, start, end, client_name, series_id}]',
          blocked_dates: '[{date, note, created_at}]',
        },
      },
      methods: {
        GET: operation({
          access: 'staff',
          summary: 'Sessions, held slots and blocked dates in a range',
          query: z.object({ from: day, to: day }),
          handler: async ({ query }) => ({ body: await week.between(query.from, query.to) }),
        }),
      },
    },
    {
      key: 'calendar_feed',
      section: 'appointments',
      path: FEED_PATH,
      doc: {
        description:
          "The therapist's private calendar subscription (iCalendar): one event per session with its UID, time and STATUS, the client's initials (full names only with feed_full_names); cancelled sessions stay 30 days as STATUS:CANCELLED. The token comes from POST /api/admin/settings/calendar-feed/; an unknown or revoked token is a 404",
        query_parameters: { token: 'the feed token (required)' },
      },
      methods: {
        GET: operation({
          access: 'anyone',
          summary: 'The private calendar feed (text/calendar)',
          query: z.object({ token: z.string().max(200).optional() }),
          handler: async ({ query }) => {
            const feed = query.token ? await feeds.byToken(query.token) : null;
            if (!feed) throw new NotFound();
            const body = Buffer.from(await calendarFeed(core), 'utf8');
            return { body, headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, no-store' } };
          },
        }),
      },
    },
    {
      key: 'calendar_feed_token',
      section: 'administration',
      path: '/api/admin/settings/calendar-feed/',
      doc: {
        description:
          "The caller's private calendar feed URL (Staff only): GET shows it (null until made), POST makes a new token (the old URL stops working), PATCH {feed_full_names} names clients in full instead of initials (the practice setting of that name, also on /api/admin/settings/), DELETE revokes it",
        optional_fields: ['feed_full_names'],
        response_fields: { calendar_feed_url: 'Absolute URL to subscribe to, or null', feed_full_names: 'Events name clients in full' },
      },
      methods: {
        GET: operation({
          access: 'staff',
          summary: 'The calendar feed URL',
          handler: async ({ principal, request }) => ({ body: await feeds.state(caller(principal).id, request.origin) }),
        }),
        POST: operation({
          access: 'staff',
          summary: 'Make a new calendar feed token (revoking the old one)',
          status: 201,
          handler: async ({ principal, request }) => ({ status: 201, body: await feeds.make(caller(principal).id, request.origin) }),
        }),
        PATCH: operation({
          access: 'staff',
          summary: 'Full names or initials in the feed',
          body: z.object({ feed_full_names: z.boolean() }),
          handler: async ({ body, principal, request }) => ({
            body: await feeds.setFullNames(caller(principal).id, body.feed_full_names, request.origin),
          }),
        }),
        DELETE: operation({
          access: 'staff',
          summary: 'Revoke the calendar feed',
          status: 204,
          handler: async ({ principal }) => {
            await feeds.revoke(caller(principal).id);
            return { status: 204 };
          },
        }),
      },
    },
  ];
}
