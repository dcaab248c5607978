// Every practice setting once: the environment variable that fixes it, its default, and the rule its value must meet.
import type { SettingKey } from '../../src-shared/api-types.js';
import { ConfigError } from '../config.js';

export type { SettingKey };

/** The environment variable that fixes each setting (it then wins over the stored value and cannot be changed in the app). */
export const SETTING_ENV_VARS: Record<SettingKey, string> = {
  practice_timezone: 'PRACTICE_TIMEZONE',
  jitsi_domain: 'JITSI_DOMAIN',
  smtp_url: 'SMTP_URL',
  email_from: 'EMAIL_FROM',
  practice_name: 'PRACTICE_NAME',
  therapist_name: 'THERAPIST_NAME',
  notify_email: 'NOTIFY_EMAIL',
  cancellation_notice_hours: 'CANCELLATION_NOTICE_HOURS',
  reminder_hours_before: 'REMINDER_HOURS_BEFORE',
  address: 'PRACTICE_ADDRESS',
  phone: 'PRACTICE_PHONE',
  website: 'PRACTICE_WEBSITE',
  tax_id: 'PRACTICE_TAX_ID',
  payment_details: 'PRACTICE_PAYMENT_DETAILS',
  currency: 'PRACTICE_CURRENCY',
  session_fee: 'SESSION_FEE',
  late_cancellation_fee: 'LATE_CANCELLATION_FEE',
  no_show_fee: 'NO_SHOW_FEE',
  auto_confirm: 'AUTO_CONFIRM',
  feed_full_names: 'CALENDAR_FEED_FULL_NAMES',
};

export const SETTING_KEYS = Object.keys(SETTING_ENV_VARS) as SettingKey[];

/** The settings that always have a value: neither stored nor fixed by the environment, they take their default. */
export type SettingWithDefault =
  | 'practice_timezone'
  | 'jitsi_domain'
  | 'email_from'
  | 'cancellation_notice_hours'
  | 'reminder_hours_before'
  | 'currency'
  | 'session_fee'
  | 'late_cancellation_fee'
  | 'no_show_fee'
  | 'auto_confirm'
  | 'feed_full_names';

/** The on/off settings, stored as "true" or "false". */
export type FlagSetting = 'auto_confirm' | 'feed_full_names';
export const FLAG_SETTINGS: readonly SettingKey[] = ['auto_confirm', 'feed_full_names'];

type Defaults = Record<SettingWithDefault, string> & Record<Exclude<SettingKey, SettingWithDefault>, null>;

/** The defaults, the only place they are written (the practice's time zone is the system's, read at each call). */
export function settingDefaults(): Defaults {
  return {
    practice_timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    jitsi_domain: 'meet.jit.si',
    smtp_url: null,
    email_from: 'Practice <no-reply@localhost>',
    practice_name: null,
    therapist_name: null,
    // null: mail for the practice goes to the first staff account's address (meetings/ resolves it).
    notify_email: null,
    cancellation_notice_hours: '24',
    reminder_hours_before: '[24]',
    address: null,
    phone: null,
    website: null,
    tax_id: null,
    payment_details: null,
    currency: 'EUR',
    session_fee: '0',
    late_cancellation_fee: '0',
    no_show_fee: '0',
    // A request for a free slot waits for the therapist unless she turns this on (then it is scheduled at once).
    auto_confirm: 'false',
    // The calendar feed names clients by initials unless she turns this on.
    feed_full_names: 'false',
  };
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** Reads `reminder_hours_before` ("[24, 1]", or "24, 1"; "[]" = off): whole hours 1–168, or null when malformed. */
export function parseReminderHours(value: string): number[] | null {
  const trimmed = value.trim();
  const inner = trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
  if (inner.trim() === '') return [];
  const parts = inner.split(',').map((part) => part.trim());
  if (!parts.every((part) => /^\d{1,3}$/.test(part))) return null;
  const hours = parts.map(Number);
  if (hours.some((h) => h < 1 || h > 168) || new Set(hours).size !== hours.length || hours.length > 10) return null;
  return hours.sort((a, b) => b - a);
}

/** Checks a practice setting's value; returns an error message, or null when it is fine. */
export function checkSettingValue(key: SettingKey, value: string): string | null {
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'Control characters are not allowed.';
  switch (key) {
    case 'practice_timezone':
      return isValidTimeZone(value) ? null : `"${value}" is not an IANA time zone (e.g. Europe/Berlin).`;
    case 'jitsi_domain':
      return /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/i.test(value)
        ? null
        : `"${value}" is not a host name (e.g. meet.jit.si).`;
    case 'smtp_url': {
      try {
        const url = new URL(value);
        if (!['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname) throw new Error();
        return null;
      } catch {
        return 'Must be smtp://user:pass@host:port or smtps://…';
      }
    }
    case 'email_from':
      return /^[^\r\n<>]*<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/.test(value)
        ? null
        : 'Must be an address, optionally with a name: Practice <no-reply@example.com>';
    case 'practice_name':
    case 'therapist_name':
      return value.length <= 200 ? null : 'At most 200 characters.';
    case 'notify_email':
      return /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(value) ? null : 'Must be an email address: practice@example.com';
    case 'cancellation_notice_hours':
      return /^\d{1,3}$/.test(value) && Number(value) <= 168 ? null : 'Must be a whole number of hours from 0 to 168.';
    case 'reminder_hours_before':
      return parseReminderHours(value)
        ? null
        : 'Must be a list of different whole hours from 1 to 168, e.g. [24, 1]; [] turns reminders off.';
    case 'address':
    case 'payment_details':
      return value.length <= 500 ? null : 'At most 500 characters.';
    case 'phone':
    case 'tax_id':
      return value.length <= 50 ? null : 'At most 50 characters.';
    case 'website':
      return /^(https?:\/\/)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(\/\S*)?$/i.test(value) && value.length <= 200
        ? null
        : 'Must be a web address, e.g. https://practice.example.com';
    case 'currency':
      // ISO 4217 as the runtime knows it, so the amount's decimals (its exponent) are known too.
      return /^[A-Z]{3}$/.test(value) && Intl.supportedValuesOf('currency').includes(value)
        ? null
        : 'Must be an ISO 4217 currency code in capitals, e.g. EUR.';
    case 'session_fee':
    case 'late_cancellation_fee':
    case 'no_show_fee':
      // A decimal string, never a float: billing turns it into integer minor units by the currency's exponent.
      return /^\d{1,7}(\.\d{1,3})?$/.test(value) ? null : 'Must be an amount like 80.00 (digits, a point, at most 3 decimals).';
    case 'auto_confirm':
    case 'feed_full_names':
      return value === 'true' || value === 'false' ? null : 'Must be true or false.';
  }
}

/** The settings the environment fixes, checked at start: a wrong value stops start-up with one line naming the variable. */
export function readSettingOverrides(env: Readonly<Record<string, string | undefined>>): Partial<Record<SettingKey, string>> {
  const overrides: Partial<Record<SettingKey, string>> = {};
  for (const key of SETTING_KEYS) {
    const name = SETTING_ENV_VARS[key];
    const value = env[name]?.trim();
    if (!value) continue;
    const problem = checkSettingValue(key, value);
    if (problem) throw new ConfigError(`${name}: ${problem}`);
    overrides[key] = value;
  }
  return overrides;
}
