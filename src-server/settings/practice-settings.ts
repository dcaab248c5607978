// The practice settings in force: the environment wins, then what the therapist stored in the app, then the default.
import type { Transaction } from 'sequelize';
import type { SettingSource } from '../../src-shared/api-types.js';
import type { Database } from '../db/database.js';
import { ValidationError } from '../http/errors.js';
import {
  checkSettingValue,
  parseReminderHours,
  SETTING_ENV_VARS,
  SETTING_KEYS,
  settingDefaults,
  type FlagSetting,
  type SettingKey,
  type SettingWithDefault,
} from './setting-rules.js';

export interface EffectiveSetting {
  value: string | null;
  source: SettingSource;
}

export type EffectiveSettings = Record<SettingKey, EffectiveSetting>;

declare module '../core.js' {
  interface ServerCore {
    /** The practice settings in force: the one service every feature asks for the time zone, Jitsi domain, fees… */
    settings: PracticeSettings;
  }
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
    /** The values the environment fixes, already checked (setting-rules.ts, readSettingOverrides). */
    private readonly envSettings: Partial<Record<SettingKey, string>>,
    /** How long a read is reused; writes through this object refresh it at once. */
    private readonly cacheMs = 5_000,
  ) {}

  async all(): Promise<EffectiveSettings> {
    if (this.cache && Date.now() - this.cache.at < this.cacheMs) return this.cache.settings;
    const stored = new Map((await this.db.models.Setting.findAll()).map((row) => [row.key, row.value]));
    const fallback = settingDefaults();
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

  async get(key: SettingKey): Promise<string | null> {
    return (await this.all())[key].value;
  }

  /** A setting that always has a value (its default when neither stored nor fixed by the environment). */
  async value(key: SettingWithDefault): Promise<string> {
    return (await this.get(key)) ?? settingDefaults()[key];
  }

  /** An on/off setting (auto_confirm, feed_full_names). */
  async flag(key: FlagSetting): Promise<boolean> {
    return (await this.value(key)) === 'true';
  }

  async timeZone(): Promise<string> {
    return this.value('practice_timezone');
  }

  async cancellationNoticeHours(): Promise<number> {
    return Number(await this.value('cancellation_notice_hours'));
  }

  /** Hours before a session at which a reminder goes out, largest first; [] = reminders off. */
  async reminderHoursBefore(): Promise<number[]> {
    return parseReminderHours(await this.value('reminder_hours_before')) ?? [];
  }

  async practiceName(): Promise<string> {
    return practiceDisplayName(await this.all());
  }

  /**
   * Stores changed values (null or '' clears one back to its default). A key that the environment
   * sets cannot be changed here: the environment would silently win, so it is refused instead.
   */
  async update(changes: Partial<Record<SettingKey, string | null>>): Promise<EffectiveSettings> {
    this.check(changes);
    await this.db.write((transaction) => this.store(changes, transaction));
    this.cache = null;
    return this.all();
  }

  /**
   * The same inside a caller's write transaction (a feature whose own resource carries a setting, such as the
   * availability's auto_confirm): the change commits or rolls back with the caller's.
   */
  async updateIn(changes: Partial<Record<SettingKey, string | null>>, transaction: Transaction): Promise<void> {
    this.check(changes);
    await this.store(changes, transaction);
    this.cache = null;
    // A read between here and the commit may have cached the old values again.
    transaction.afterCommit(() => {
      this.cache = null;
    });
  }

  private check(changes: Partial<Record<SettingKey, string | null>>): void {
    const errors: Record<string, string[]> = {};
    for (const [key, value] of Object.entries(changes) as [SettingKey, string | null][]) {
      if (this.envSettings[key]) errors[key] = [`Set by the environment variable ${SETTING_ENV_VARS[key]}; change it there.`];
      else if (value) {
        const problem = checkSettingValue(key, value);
        if (problem) errors[key] = [problem];
      }
    }
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  }

  private async store(changes: Partial<Record<SettingKey, string | null>>, transaction: Transaction): Promise<void> {
    for (const [key, value] of Object.entries(changes)) {
      if (value) await this.db.models.Setting.upsert({ key, value: canonicalValue(key as SettingKey, value) }, { transaction });
      else await this.db.models.Setting.destroy({ where: { key }, transaction });
    }
  }
}

/** A list setting is stored one way ("[24,1]") whichever way it was typed. */
function canonicalValue(key: SettingKey, value: string): string {
  return key === 'reminder_hours_before' ? JSON.stringify(parseReminderHours(value)) : value;
}
