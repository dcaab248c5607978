// Request schemas of the weekly availability: the seed's available_days, or working hours with session length,
// buffer, notice and horizon (lifecycle contract §2). PUT needs one of available_days or hours; PATCH changes what it names.
import { z } from 'zod';
import { hoursProblems, type WorkingHours } from './working-hours.js';

function distinct<T>(items: T[]): boolean {
  return new Set(items).size === items.length;
}

const clock = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'Use a 24-hour time HH:MM.');
const weekday = z.enum(['0', '1', '2', '3', '4', '5', '6']);

const hours = z
  .partialRecord(weekday, z.array(z.tuple([clock, clock])).max(12, 'At most 12 intervals a day.'))
  .superRefine((value, context) => {
    for (const message of hoursProblems(value as WorkingHours)) context.addIssue({ code: 'custom', message });
  });

const fields = {
  available_days: z.array(z.number().int().min(0).max(6)).refine(distinct, 'Each day may appear only once.').optional(),
  hours: hours.optional(),
  session_minutes: z.number().int().min(15).max(240).optional(),
  buffer_minutes: z.number().int().min(0).max(120).optional(),
  min_notice_hours: z.number().int().min(0).max(720).optional(),
  booking_horizon_days: z.number().int().min(1).max(365).optional(),
  auto_confirm: z.boolean().optional(),
};

export const availabilityPatchBody = z.object(fields);

export const availabilityPutBody = z.object(fields).superRefine((value, context) => {
  if (value.available_days === undefined && value.hours === undefined) {
    context.addIssue({ code: 'custom', path: ['available_days'], message: 'This field is required.' });
  }
});

export type AvailabilityChange = z.output<typeof availabilityPatchBody>;

export const slotRangeQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.'),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.'),
});
