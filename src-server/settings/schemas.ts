// The request body that changes practice settings (the settings screen's PATCH, and first-run setup's settings part).
import { z } from 'zod';
import { FLAG_SETTINGS, SETTING_KEYS, type SettingKey } from './setting-rules.js';

const settingValue = z.string().trim().max(500).nullable().optional();

/** Numbers and lists may come as JSON numbers and arrays; settings are stored as text and checked as text. */
const numericSettingValue = z
  .union([z.string().trim().max(500), z.number(), z.array(z.number()).max(20)])
  .nullable()
  .optional()
  .transform((value) => (typeof value === 'number' ? String(value) : Array.isArray(value) ? JSON.stringify(value) : value));

/** On/off settings may come as JSON booleans (stored as "true" or "false"). */
const flagSettingValue = z
  .union([z.string().trim().max(5), z.boolean()])
  .nullable()
  .optional()
  .transform((value) => (typeof value === 'boolean' ? String(value) : value));

const NUMERIC_SETTINGS = new Set<SettingKey>([
  'cancellation_notice_hours',
  'reminder_hours_before',
  'session_fee',
  'late_cancellation_fee',
  'no_show_fee',
]);

function schemaOf(key: SettingKey) {
  if (NUMERIC_SETTINGS.has(key)) return numericSettingValue;
  return FLAG_SETTINGS.includes(key) ? flagSettingValue : settingValue;
}

/** Every setting is optional: null or '' clears one back to its default. */
export const settingsPatch = z.object(
  Object.fromEntries(SETTING_KEYS.map((key) => [key, schemaOf(key)])) as Record<
    SettingKey,
    typeof settingValue | typeof numericSettingValue | typeof flagSettingValue
  >,
);

/** The changes a parsed body asks for: the keys it names, nothing else. */
export function settingChanges(body: z.output<typeof settingsPatch>): Partial<Record<SettingKey, string | null>> {
  const changes: Partial<Record<SettingKey, string | null>> = {};
  for (const key of SETTING_KEYS) if (body[key] !== undefined) changes[key] = body[key];
  return changes;
}
