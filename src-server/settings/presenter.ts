// What staff see of the practice settings: each value with where it comes from (the SMTP password masked), and the
// server's network facts.
import type * as Api from '../../src-shared/api-types.js';
import type { EffectiveSettings } from './practice-settings.js';
import { SETTING_KEYS } from './setting-rules.js';
import { maskSmtpUrl } from './smtp-url-mask.js';

/** `tls_enabled`: whether this server speaks HTTPS (TLS_CERT_FILE/TLS_KEY_FILE); without it LAN clients send passwords in clear. */
export function presentSettings(settings: EffectiveSettings, lanUrls: string[], tlsEnabled: boolean): Api.SettingsResponse {
  const values = Object.fromEntries(
    SETTING_KEYS.map((key) => {
      const { value, source } = settings[key];
      return [key, { value: key === 'smtp_url' ? maskSmtpUrl(value) : value, source, editable: source !== 'environment' }];
    }),
  ) as Record<Api.SettingKey, Api.SettingValue>;
  return { ...values, lan_urls: lanUrls, tls_enabled: tlsEnabled };
}
