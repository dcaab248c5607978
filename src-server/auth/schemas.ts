// The request bodies and queries of /api/auth/, with the contract's field limits.
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { email, personName, phone } from '../http/fields.js';
import { pageQuery } from '../http/pagination.js';

/** Never trimmed: a space is part of a password. Bounded so that nobody hashes megabytes. */
const password = z.string().min(1).max(1024);

/** DRF's CharField also takes a number; either way it must be six digits. */
const otp = z
  .union([z.string(), z.number().int()])
  .transform((value) => String(value).trim())
  .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from the email.'));

/** Optional, and an empty string clears it. */
const phoneNumber = z.preprocess((value) => (value === '' ? null : value), phone.nullable()).optional();

export const registerBody = z.object({
  email,
  first_name: personName,
  last_name: personName,
  phone_number: phoneNumber,
  password,
  password2: password,
});

export const codeBody = z.object({ email, otp });

export const loginBody = z.object({ email, password });

export const resendBody = z.object({ email, context: z.enum(['registration', 'password_reset']).default('registration') });

export const emailBody = z.object({ email });

export const resetBody = z.object({ email, otp, new_password: password, confirm_password: password });

export const refreshBody = z.object({ refresh: z.string().min(1).max(4096) });

/** An IANA zone the runtime knows (the client's browser sends its own), or null to clear it. */
const timeZone = z
  .string()
  .max(64)
  .refine((zone) => IANAZone.isValidZone(zone), 'Not an IANA time zone (e.g. America/New_York).')
  .nullable()
  .optional();

export const profileBody = z.object({
  first_name: personName.optional(),
  last_name: personName.optional(),
  phone_number: phoneNumber,
  time_zone: timeZone,
});

export const userListQuery = z.object({ ...pageQuery, search: z.string().max(254).optional() });

/** `?purge=true` also deletes a client's session notes and invoices (otherwise such a client is a 409 has_records). */
export const deleteUserQuery = z.object({ purge: z.enum(['true', 'false']).optional() });
