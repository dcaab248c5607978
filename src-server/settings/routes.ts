// `/api/admin/settings/`: the practice settings in force, where each comes from, and the server's LAN URLs.
import { z } from 'zod';
import type { ServerCore } from '../core.js';
import type { PracticeSettingKey } from '../config.js';
import { recordSettingsChange } from '../audit/audit-log.js';
import { ValidationError } from '../http/errors.js';
import { operation, type Endpoint } from '../http/route-table.js';
import { maskSmtpUrl, SETTING_KEYS, type EffectiveSettings } from './practice-settings.js';

const MASK = '********';

const settingValue = z.string().trim().max(500).nullable().optional();

/** Numbers and lists may come as JSON numbers and arrays; settings are stored as text and checked as text. */
const numericSettingValue = z
  .union([z.string().trim().max(500), z.number(), z.array(z.number()).max(20)])
  .nullable()
  .optional()
  .transform((value) => (typeof value === 'number' ? String(value) : Array.isArray(value) ? JSON.stringify(value) : value));

export const settingsPatch = z.object({
  practice_timezone: settingValue,
  jitsi_domain: settingValue,
  smtp_url: settingValue,
  email_from: settingValue,
  practice_name: settingValue,
  therapist_name: settingValue,
  notify_email: settingValue,
  cancellation_notice_hours: numericSettingValue,
  reminder_hours_before: numericSettingValue,
  address: settingValue,
  phone: settingValue,
  website: settingValue,
  tax_id: settingValue,
  payment_details: settingValue,
  currency: settingValue,
  session_fee: numericSettingValue,
  late_cancellation_fee: numericSettingValue,
  no_show_fee: numericSettingValue,
});

/** `tls_enabled`: whether this server speaks HTTPS (TLS_CERT_FILE/TLS_KEY_FILE); without it LAN clients send passwords in clear. */
export function present(settings: EffectiveSettings, lanUrls: string[], tlsEnabled: boolean) {
  const body: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const { value, source } = settings[key];
    body[key] = { value: key === 'smtp_url' ? maskSmtpUrl(value) : value, source, editable: source !== 'environment' };
  }
  return { ...body, lan_urls: lanUrls, tls_enabled: tlsEnabled };
}

/**
 * A PATCH that sends back the masked SMTP URL keeps the stored password, but only for the same server and account
 * (scheme, host, port and user unchanged): otherwise the mask would send the stored password to another server.
 */
function unmaskSmtpUrl(submitted: string, current: string | null): string {
  let url: URL;
  try {
    url = new URL(submitted);
  } catch {
    return submitted; // the setting's own check reports the malformed URL
  }
  if (url.password !== MASK || !current) return submitted;
  const stored = new URL(current);
  const sameAccount = url.protocol === stored.protocol && url.hostname === stored.hostname && url.port === stored.port && url.username === stored.username;
  if (!sameAccount) {
    throw new ValidationError({ smtp_url: ['Type the SMTP password again: the server, port or user changed, so the stored password is not sent there.'] });
  }
  url.password = stored.password;
  return url.toString();
}

export function settingsEndpoints(core: ServerCore, lanUrls: () => string[]): Endpoint[] {
  return [
    {
      key: 'practice_settings',
      section: 'administration',
      path: '/api/admin/settings/',
      doc: {
        description: 'Practice settings: time zone, Jitsi domain, SMTP URL (password never returned) and sender; values from the environment win and cannot be changed here',
        optional_fields: SETTING_KEYS,
        example_request: { practice_timezone: 'Europe/Berlin', jitsi_domain: 'meet.jit.si' },
      },
      methods: {
        GET: operation({
          access: 'staff',
          summary: 'Practice settings in force',
          handler: async () => ({ body: present(await core.settings.all(), lanUrls(), core.config.tls !== null) }),
        }),
        PATCH: operation({
          access: 'staff',
          summary: 'Change stored practice settings',
          body: settingsPatch,
          handler: async ({ body, principal }) => {
            const changes: Partial<Record<PracticeSettingKey, string | null>> = {};
            for (const key of SETTING_KEYS) if (body[key] !== undefined) changes[key] = body[key];
            if (changes.smtp_url) changes.smtp_url = unmaskSmtpUrl(changes.smtp_url, await core.settings.get('smtp_url'));
            const updated = await core.settings.update(changes);
            await recordSettingsChange(core, principal!.id, Object.keys(changes));
            return { body: present(updated, lanUrls(), core.config.tls !== null) };
          },
        }),
      },
    },
  ];
}
