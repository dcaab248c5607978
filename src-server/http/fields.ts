// Field types shared by the request schemas of every feature, with the contract's limits.
import { z } from 'zod';

const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/** Trimmed printable text of bounded length. */
export function text(max: number, { min = 1 } = {}) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((value) => !CONTROL_CHARS.test(value), 'Control characters are not allowed.');
}

/** Longer free text (a reason): line breaks and tabs allowed, other control characters not. */
export function longText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value), 'Control characters are not allowed.');
}

/**
 * Bidi overrides/isolates and zero-width characters: invisible, they let one name display as another
 * (U+202E turns "Ada" + "nhoJ" into "AdaJohn" on screen).
 */
const DECEPTIVE_CHARS = /[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\u061c]/;

/** A person's name: printable text without invisible direction or joiner tricks. */
export const personName = text(150).refine(
  (value) => !DECEPTIVE_CHARS.test(value),
  'Invisible formatting characters (direction overrides, zero-width characters) are not allowed.',
);

/** Email, trimmed and lower-cased everywhere (the contract: case-insensitive). */
export const email = z
  .string()
  .trim()
  .max(254, 'Ensure this field has no more than 254 characters.')
  .toLowerCase()
  .pipe(z.email('Enter a valid email address.'));

export const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{7,20}$/, 'Enter a valid phone number: 7–20 characters of digits, spaces, -, ( ) and an optional leading +.')
  .refine((value) => value.length <= 20, 'Ensure this field has no more than 20 characters.');

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.');

export const uuid = z.uuid();

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
