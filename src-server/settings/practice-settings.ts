// The practice settings in force: the environment wins, then what the therapist stored in the app, then the default.
import { checkSettingValue, parseReminderHours, SETTING_ENV_VARS, type PracticeSettingKey } from '../config.js';
import type { Database } from '../db/database.js';
import { ValidationError } from '../http/errors.js';

export type SettingSource = 'environment' | 'database' | 'default';

export interface EffectiveSetting {
  value: string | null;
  source: SettingSource;
}

export type EffectiveSettings = Record<PracticeSettingKey, EffectiveSetting>;

declare module '../core.js' {
  interface ServerCore {
    /** The practice settings in force: the one service every feature asks for the time zone, Jitsi domain, fees… */
    settings: PracticeSettings;
  }
}

export const SETTING_KEYS = Object.keys(SETTING_ENV_VARS) as PracticeSettingKey[];

function defaults(): Record<PracticeSettingKey, string | null> {
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
  };
}

/** The name mails and the app header give the practice: its own name, else the sender's display name. */
export function practiceDisplayName(settings: EffectiveSettings): string {
  const named = settings.practice_name.value?.trim();
  if (named) return named;
  const sender = /^\s*"?([^"<]+?)"?\s*</.exec(settings.email_from.value ?? '')?.[1]?.trim();
  return sender || 'The practice';
}

export class PracticeSettings {
  private cache: { settings: EffectiveSettings; at: number } | null = null;

  constructor(
    private readonly db: Database,
    private readonly envSettings: Partial<Record<PracticeSettingKey, string>>,
    /** How long a read is reused; writes through this object refresh it at once. */
    private readonly cacheMs = 5_000,
  ) {}

  async all(): Promise<EffectiveSettings> {
    if (this.cache && Date.now() - this.cache.at < this.cacheMs) return this.cache.settings;
    const stored = new Map((await this.db.models.Setting.findAll()).map((row) => [row.key, row.value]));
    const fallback = defaults();
    const settings = {} as EffectiveSettings;
    for (const key of SETTING_KEYS) {
      const fromEnv = this.envSettings[key];
      const fromDb = stored.get(key);
      settings[key] = fromEnv
        ? { value: fromEnv, source: 'environment' }
        : fromDb
          ? { value: fromDb, source: 'database' }
          : { value: fallback[key], source: 'default' };
    }
    this.cache = { settings, at: Date.now() };
    return settings;
  }

  async get(key: PracticeSettingKey): Promise<string | null> {
    return (await this.all())[key].value;
  }

  async timeZone(): Promise<string> {
    return (await this.get('practice_timezone')) ?? 'UTC';
  }

  async cancellationNoticeHours(): Promise<number> {
    return Number((await this.get('cancellation_notice_hours')) ?? 24);
  }

  /** Hours before a session at which a reminder goes out, largest first; [] = reminders off. */
  async reminderHoursBefore(): Promise<number[]> {
    return parseReminderHours((await this.get('reminder_hours_before')) ?? '[]') ?? [];
  }

  async practiceName(): Promise<string> {
    return practiceDisplayName(await this.all());
  }

  /**
   * Stores changed values (null or '' clears one back to its default). A key that the environment
   * sets cannot be changed here: the environment would silently win, so it is refused instead.
   */
  async update(changes: Partial<Record<PracticeSettingKey, string | null>>): Promise<EffectiveSettings> {
    const errors: Record<string, string[]> = {};
    for (const [key, value] of Object.entries(changes) as [PracticeSettingKey, string | null][]) {
      if (this.envSettings[key]) errors[key] = [`Set by the environment variable ${SETTING_ENV_VARS[key]}; change it there.`];
      else if (value) {
        const problem = checkSettingValue(key, value);
        if (problem) errors[key] = [problem];
      }
    }
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    await this.db.write(async (transaction) => {
      for (const [key, value] of Object.entries(changes)) {
        if (value) await this.db.models.Setting.upsert({ key, value: canonicalValue(key as PracticeSettingKey, value) }, { transaction });
        else await this.db.models.Setting.destroy({ where: { key }, transaction });
      }
    });
    this.cache = null;
    return this.all();
  }
}

/** A list setting is stored one way ("[24,1]") whichever way it was typed. */
function canonicalValue(key: PracticeSettingKey, value: string): string {
  return key === 'reminder_hours_before' ? JSON.stringify(parseReminderHours(value)) : value;
}

/** The SMTP URL as staff may see it: the password replaced, never returned. */
export function maskSmtpUrl(smtpUrl: string | null): string | null {
  if (!smtpUrl) return smtpUrl;
  try {
    const url = new URL(smtpUrl);
    if (url.password) url.password = '********';
    return url.toString();
  } catch {
    return null;
  }
}
