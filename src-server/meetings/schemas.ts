// Request schemas of /api/meetings/: the contract's fields and limits, shared by validation and the OpenAPI schema.
import { z } from 'zod';
import { APPOINTMENT_STATUSES, ATTENDANCE, TIME_SLOTS } from '../db/models/appointment.js';
import { email, isoDate, longText, personName, phone } from '../http/fields.js';
import { pageQuery } from '../http/pagination.js';
import type { AppointmentRequest } from './appointments.js';
import { DATETIME_FORMAT_MESSAGE } from './session-timing.js';

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;

function distinct<T>(items: T[]): boolean {
  return new Set(items).size === items.length;
}

/** An optional text field where a blank value means "none", as Django's blank=True fields do. */
function blankable<S extends z.ZodType<string, string>>(schema: S) {
  return z.union([z.literal('').transform(() => null), schema]).nullish();
}

export const blockedDateBody = z.object({
  date: isoDate,
  note: blankable(longText(200)),
  /** A date with scheduled sessions is a 409 unless the caller says what becomes of them. */
  on_existing_sessions: z.enum(['keep', 'cancel']).optional(),
});

/** With a requested_start (a free slot) the preferred dates and times may be left out: they are derived from it. */
export const appointmentBody = z
  .object({
    first_name: personName,
    last_name: personName,
    email,
    phone: blankable(phone),
    reason: blankable(longText(2000)),
    preferred_dates: z.array(isoDate).min(1).max(5).refine(distinct, 'Each date may appear only once.').optional(),
    preferred_time_slots: z.array(z.enum(TIME_SLOTS)).min(1).max(3).refine(distinct, 'Each time slot may appear only once.').optional(),
    requested_start: z.string().regex(ISO_DATETIME, DATETIME_FORMAT_MESSAGE).nullish(),
  })
  .superRefine((body, context) => {
    if (body.requested_start) return;
    if (body.preferred_dates === undefined)
      context.addIssue({ code: 'custom', path: ['preferred_dates'], message: 'This field is required.' });
    if (body.preferred_time_slots === undefined)
      context.addIssue({ code: 'custom', path: ['preferred_time_slots'], message: 'This field is required.' });
  });

/** The service's request from a validated booking body: create/ and request-reschedule/ take the same body. */
export function appointmentRequestOf(body: z.infer<typeof appointmentBody>): AppointmentRequest {
  return {
    firstName: body.first_name,
    lastName: body.last_name,
    email: body.email,
    phone: body.phone ?? null,
    reason: body.reason || null,
    preferredDates: body.preferred_dates ?? [],
    preferredTimeSlots: body.preferred_time_slots ?? [],
    requestedStart: body.requested_start ?? null,
  };
}

export const appointmentListQuery = z.object({
  ...pageQuery,
  status: z.enum(APPOINTMENT_STATUSES).optional(),
  email: z.string().trim().max(254).optional(),
});

const scheduledDatetime = z.string().regex(ISO_DATETIME, DATETIME_FORMAT_MESSAGE);
const scheduledDuration = z.number().int().min(15).max(240);

/** A recurring series: this session and count − 1 more, every_weeks apart (lifecycle contract §2). */
export const repeatBody = z.object({
  every_weeks: z.union([z.literal(1), z.literal(2), z.literal(4)]),
  count: z.number().int().min(2).max(26),
});

/** Without a time, a request with a requested_start is scheduled at that slot (60 minutes, or the session length for a slot). */
export const scheduleBody = z.object({
  scheduled_datetime: scheduledDatetime.optional(),
  scheduled_duration: scheduledDuration.optional(),
  allow_blocked_date: z.boolean().default(false),
  repeat: repeatBody.optional(),
});

/** Without a duration the session keeps its length. */
export const rescheduleBody = z.object({
  scheduled_datetime: scheduledDatetime,
  scheduled_duration: scheduledDuration.optional(),
  allow_blocked_date: z.boolean().default(false),
  repeat: repeatBody.optional(),
});

export const cancelBody = z.object({
  reason: blankable(longText(2000)),
  /** For a session of a series: only this one (default) or this one and every later one. */
  scope: z.enum(['one', 'following']).default('one'),
});

export const attendanceBody = z.object({
  attendance: z.enum(ATTENDANCE),
});

export const rejectBody = z.object({
  rejection_reason: blankable(longText(2000)),
});
