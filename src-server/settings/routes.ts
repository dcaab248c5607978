// `/api/admin/settings/`: the practice settings in force, where each comes from, and the server's LAN URLs.
import { recordSettingsChange } from '../audit/audit-log.js';
import type { ServerCore } from '../core.js';
import { CalendarFeeds } from '../calendar/feed-tokens.js';
import { caller } from '../http/caller.js';
import { operation, type Endpoint } from '../http/route-table.js';
import { presentSettings } from './presenter.js';
import { settingChanges, settingsPatch } from './schemas.js';
import { SETTING_KEYS } from './setting-rules.js';
import { unmaskSmtpUrl } from './smtp-url-mask.js';

export function settingsEndpoints(core: ServerCore, lanUrls: () => string[]): Endpoint[] {
  const tlsEnabled = core.config.tls !== null;
  const feeds = new CalendarFeeds(core);
  return [
    {
      key: 'practice_settings',
      section: 'administration',
      path: '/api/admin/settings/',
      doc: {
        description:
          'Practice settings: time zone, Jitsi domain, SMTP URL (password never returned) and sender; values from the environment win and cannot be changed here',
        optional_fields: SETTING_KEYS,
        example_request: { practice_timezone: 'Europe/Berlin', jitsi_domain: 'meet.jit.si' },
      },
      methods: {
        GET: operation({
          access: 'staff',
          summary: 'Practice settings in force',
          handler: async ({ principal, request }) => ({
            body: {
              ...presentSettings(await core.settings.all(), lanUrls(), tlsEnabled),
              calendar_feed_url: (await feeds.state(caller(principal).id, request.origin)).calendar_feed_url,
            },
          }),
        }),
        PATCH: operation({
          access: 'staff',
          summary: 'Change stored practice settings',
          body: settingsPatch,
          handler: async ({ body, principal }) => {
            const changes = settingChanges(body);
            if (changes.smtp_url) changes.smtp_url = unmaskSmtpUrl(changes.smtp_url, await core.settings.get('smtp_url'));
            const updated = await core.settings.update(changes);
            await recordSettingsChange(core, caller(principal).id, Object.keys(changes));
            return { body: presentSettings(updated, lanUrls(), tlsEnabled) };
          },
        }),
      },
    },
  ];
}
