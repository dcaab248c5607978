// The environment table of the API contract, parsed once; every mistake is one clear line.
import net from 'node:net';
import path from 'node:path';
import { KeyError, parseEncryptionKey } from './crypto/keys.js';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  /** Overrides of the practice settings; a value here wins over the one stored in the database. */
  envSettings: Partial<Record<PracticeSettingKey, string>>;
  /**
   * Which proxies may speak for the client through X-Forwarded-*, in the form Express's `trust proxy` takes:
   * a hop count (0 = none) or a list of addresses, CIDR ranges and names such as `loopback`.
   */
  trustProxy: number | string[];
  /** Certificate and key files (PEM): when set, the server speaks HTTPS on its port. */
  tls: { certFile: string; keyFile: string } | null;
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
  | 'reminder_hours_before'
  | 'address'
  | 'phone'
  | 'website'
  | 'tax_id'
  | 'payment_details'
  | 'currency'
  | 'session_fee'
  | 'late_cancellation_fee'
  | 'no_show_fee';

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
  address: 'PRACTICE_ADDRESS',
  phone: 'PRACTICE_PHONE',
  website: 'PRACTICE_WEBSITE',
  tax_id: 'PRACTICE_TAX_ID',
  payment_details: 'PRACTICE_PAYMENT_DETAILS',
  currency: 'PRACTICE_CURRENCY',
  session_fee: 'SESSION_FEE',
  late_cancellation_fee: 'LATE_CANCELLATION_FEE',
  no_show_fee: 'NO_SHOW_FEE',
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

const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** True for an address, a CIDR range (`10.0.0.0/8`) or an IPv4 netmask range (`10.0.0.0/255.0.0.0`). */
function isAddressRange(entry: string): boolean {
  const [address, range, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (!family || rest.length > 0) return false;
  if (range === undefined) return true;
  if (/^\d{1,3}$/.test(range)) return Number(range) <= (family === 4 ? 32 : 128);
  return family === 4 && net.isIPv4(range);
}

/**
 * TRUST_PROXY as Express's `trust proxy` reads it, except that a yes-word means one hop, never "trust everyone":
 * Express's `true` takes the left-most X-Forwarded-For, which the caller writes.
 */
function trustedProxies(env: Env): number | string[] {
  const raw = env.TRUST_PROXY?.trim().toLowerCase() ?? '';
  if (['', '0', 'false', 'no', 'off'].includes(raw)) return 0;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return 1;
  if (/^\d+$/.test(raw)) {
    if (Number(raw) > 10) throw new ConfigError(`TRUST_PROXY: ${raw} proxy hops is more than any real chain; give the hop count (1 for one tunnel agent or proxy)`);
    return Number(raw);
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  const wrong = entries.find((entry) => !TRUST_PROXY_NAMES.has(entry) && !isAddressRange(entry));
  if (wrong !== undefined) {
    throw new ConfigError(
      `TRUST_PROXY must be a hop count (1 for one tunnel agent or proxy) or a comma-separated list of addresses, CIDR ranges or loopback; "${wrong}" is none of these`,
    );
  }
  return entries;
}

function tlsFiles(env: Env, cwd: string): ServerConfig['tls'] {
  const certFile = env.TLS_CERT_FILE?.trim();
  const keyFile = env.TLS_KEY_FILE?.trim();
  if (!certFile && !keyFile) return null;
  if (!certFile || !keyFile) throw new ConfigError(`TLS_CERT_FILE and TLS_KEY_FILE go together: ${certFile ? 'TLS_KEY_FILE' : 'TLS_CERT_FILE'} is missing`);
  return { certFile: path.resolve(cwd, certFile), keyFile: path.resolve(cwd, keyFile) };
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
      return /^[A-Z]{3}$/.test(value) && Intl.supportedValuesOf('currency').includes(value) ? null : 'Must be an ISO 4217 currency code in capitals, e.g. EUR.';
    case 'session_fee':
    case 'late_cancellation_fee':
    case 'no_show_fee':
      // A decimal string, never a float: billing turns it into integer minor units by the currency's exponent.
      return /^\d{1,7}(\.\d{1,3})?$/.test(value) ? null : 'Must be an amount like 80.00 (digits, a point, at most 3 decimals).';
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
    trustProxy: trustedProxies(env),
    tls: tlsFiles(env, cwd),
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
