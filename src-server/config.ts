// The environment table of the API contract, parsed once; every mistake is one clear line.
import path from 'node:path';
import { KeyError, parseEncryptionKey } from './crypto/keys.js';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  /** Overrides of the practice settings; a value here wins over the one stored in the database. */
  envSettings: Partial<Record<PracticeSettingKey, string>>;
  trustProxy: boolean;
  encryptionKey?: Buffer;
  rateLimitAuth: number;
  failedLoginLimit: number;
  maxPendingRequests: number;
  /** scrypt cost parameter N (a power of two); tests lower it to stay fast. */
  passwordHashCost: number;
  accessTokenMinutes: number;
  refreshTokenDays: number;
  logLevel: string;
  /** Daily backups kept in DATA_DIR/backups; 0 turns automatic backups off. */
  backupKeep: number;
}

export type PracticeSettingKey =
  | 'practice_timezone'
  | 'jitsi_domain'
  | 'smtp_url'
  | 'email_from'
  | 'practice_name'
  | 'therapist_name'
  | 'notify_email'
  | 'cancellation_notice_hours'
  | 'reminder_hours_before';

export const SETTING_ENV_VARS: Record<PracticeSettingKey, string> = {
  practice_timezone: 'PRACTICE_TIMEZONE',
  jitsi_domain: 'JITSI_DOMAIN',
  smtp_url: 'SMTP_URL',
  email_from: 'EMAIL_FROM',
  practice_name: 'PRACTICE_NAME',
  therapist_name: 'THERAPIST_NAME',
  notify_email: 'NOTIFY_EMAIL',
  cancellation_notice_hours: 'CANCELLATION_NOTICE_HOURS',
  reminder_hours_before: 'REMINDER_HOURS_BEFORE',
};

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

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function flag(env: Env, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase();
  return raw !== undefined && raw !== '' && !['0', 'false', 'no', 'off'].includes(raw);
}

/** Runs `read` (a key is parsed or loaded in crypto/) and turns a KeyError into the configuration error it is. */
export function readKeys<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw error instanceof KeyError ? new ConfigError(error.message) : error;
  }
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** Checks a practice setting's value; returns an error message, or null when it is fine. */
export function checkSettingValue(key: PracticeSettingKey, value: string): string | null {
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
      return parseReminderHours(value) ? null : 'Must be a list of different whole hours from 1 to 168, e.g. [24, 1]; [] turns reminders off.';
  }
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): ServerConfig {
  const port = integer(env, 'PORT', 8000, 0, 65535);
  const host = env.HOST?.trim() || '0.0.0.0';
  const dataDir = path.resolve(cwd, env.DATA_DIR?.trim() || 'data');
  const databaseUrl = env.DATABASE_URL?.trim() || `sqlite:${path.join(dataDir, 'practice.db')}`;
  if (!/^sqlite:.+/.test(databaseUrl) && !/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must be sqlite:/path/file.db or postgres://…, got "${databaseUrl.split(':')[0]}:…"`);
  }
  const envSettings: ServerConfig['envSettings'] = {};
  for (const [key, name] of Object.entries(SETTING_ENV_VARS) as [PracticeSettingKey, string][]) {
    const value = env[name]?.trim();
    if (!value) continue;
    const problem = checkSettingValue(key, value);
    if (problem) throw new ConfigError(`${name}: ${problem}`);
    envSettings[key] = value;
  }
  const rawKey = env.ENCRYPTION_KEY?.trim();
  return {
    port,
    host,
    dataDir,
    databaseUrl,
    envSettings,
    trustProxy: flag(env, 'TRUST_PROXY'),
    encryptionKey: rawKey ? readKeys(() => parseEncryptionKey(rawKey)) : undefined,
    rateLimitAuth: integer(env, 'RATE_LIMIT_AUTH', 20, 1, 100000),
    failedLoginLimit: integer(env, 'FAILED_LOGIN_LIMIT', 5, 1, 1000),
    maxPendingRequests: integer(env, 'MAX_PENDING_REQUESTS', 5, 1, 1000),
    passwordHashCost: integer(env, 'PASSWORD_HASH_COST', 2 ** 15, 2, 2 ** 20),
    accessTokenMinutes: integer(env, 'ACCESS_TOKEN_MINUTES', 10, 5, 15),
    refreshTokenDays: integer(env, 'REFRESH_TOKEN_DAYS', 7, 1, 7),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    backupKeep: integer(env, 'BACKUP_KEEP', 7, 0, 1000),
  };
}
