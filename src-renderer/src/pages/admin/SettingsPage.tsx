// Practice settings with where each value comes from (environment values are fixed), and the LAN addresses with QR codes.
import { Fragment, useEffect, useState } from 'react';
import { adminApi } from '../../api/admin';
import { practiceKeys } from '../../features/practice/query-keys';
import { availabilityKeys } from '../../features/sessions/query-keys';
import type { SettingKey, SettingsResponse } from '@shared/api-types';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { Empty, QueryView } from '../../components/States';
import { useAction } from '../../components/useAction';
import { desktopBridge } from '../../lib/desktop';
import { onSubmit } from '../../lib/forms';
import { DesktopPanel } from './DesktopPanel';
import { LanAddress } from './LanAddress';
import { useSettings } from './practice-zone';
import { CalendarFeedCard } from './CalendarFeedCard';

const FIELDS: { key: SettingKey; label: string; hint: string }[] = [
  {
    key: 'practice_timezone',
    label: 'Practice time zone',
    hint: 'IANA name, e.g. Europe/Berlin. Dates clients may book and every time shown use it.',
  },
  { key: 'jitsi_domain', label: 'Jitsi domain', hint: 'Where video rooms are opened, e.g. meet.jit.si.' },
  {
    key: 'smtp_url',
    label: 'SMTP URL',
    hint: 'smtp://user:password@host:587 (the password is never shown). Empty: mail stays in the outbox.',
  },
  { key: 'email_from', label: 'Sender', hint: 'Name and address mail comes from.' },
  { key: 'practice_name', label: 'Practice name', hint: 'Shown in the app header and signs every mail. Empty: the sender name.' },
  { key: 'therapist_name', label: 'Therapist name', hint: 'e.g. Dr. Ruth Weber.' },
  {
    key: 'notify_email',
    label: 'Notification address',
    hint: "New requests and clients' cancellations are announced here (first name only). Empty: the first staff account's address.",
  },
  {
    key: 'cancellation_notice_hours',
    label: 'Cancellation notice (hours)',
    hint: 'A client cancelling later than this before the start is marked as a late cancellation (0–168).',
  },
  {
    key: 'reminder_hours_before',
    label: 'Reminders (hours before)',
    hint: 'e.g. [24, 1] for a day and an hour before; [] turns reminders off.',
  },
];

/** The practice profile: printed on every invoice (and the payment details tell clients how to pay). */
const PROFILE_FIELDS: { key: SettingKey; label: string; hint: string }[] = [
  { key: 'address', label: 'Address', hint: 'Street, postcode and town, as the invoice letterhead shows it.' },
  { key: 'phone', label: 'Phone', hint: 'e.g. +49 30 5550100.' },
  { key: 'website', label: 'Website', hint: 'e.g. https://praxis.example.' },
  { key: 'tax_id', label: 'Tax id', hint: 'The tax or VAT number invoices must carry.' },
  { key: 'payment_details', label: 'Payment details', hint: 'Bank account (IBAN, BIC) or other ways to pay, printed under the total.' },
  { key: 'currency', label: 'Currency', hint: 'ISO 4217 code in capitals, e.g. EUR, CHF, USD.' },
  { key: 'session_fee', label: 'Session fee', hint: 'Per attended session, e.g. 80.00; a client may have their own (on their page).' },
  { key: 'late_cancellation_fee', label: 'Late cancellation fee', hint: 'For a cancellation inside the notice period; 0 bills nothing.' },
  { key: 'no_show_fee', label: 'No-show fee', hint: 'For a session the client did not come to; 0 bills nothing.' },
];

const ALL_FIELDS = [...FIELDS, ...PROFILE_FIELDS];

const SOURCE_LABEL = { environment: 'Set by the environment', database: 'Set here', default: 'Default' } as const;

function valuesOf(settings: SettingsResponse): Record<SettingKey, string> {
  return Object.fromEntries(ALL_FIELDS.map(({ key }) => [key, settings[key].value ?? ''])) as Record<SettingKey, string>;
}

function SettingsForm({ settings }: { settings: SettingsResponse }) {
  const [values, setValues] = useState(() => valuesOf(settings));
  useEffect(() => setValues(valuesOf(settings)), [settings]);
  const save = useAction({
    run: () => {
      const changes: Partial<Record<SettingKey, string | null>> = {};
      for (const { key } of ALL_FIELDS) {
        if (settings[key].editable && values[key] !== (settings[key].value ?? '')) changes[key] = values[key].trim() || null;
      }
      return adminApi.updateSettings(changes);
    },
    done: () => 'Settings saved.',
    stores: () => practiceKeys.settings(),
    // The time zone decides which dates clients may book; the header and the clients' policy read the public profile.
    invalidates: [availabilityKeys.availableDates(), practiceKeys.info()],
    errorsInForm: true,
  });
  return (
    <form className="card stack" onSubmit={onSubmit(save.mutate)} noValidate aria-labelledby="settings-form-title">
      <h2 id="settings-form-title">Practice</h2>
      {ALL_FIELDS.map(({ key, label, hint }) => {
        const setting = settings[key];
        const heading = key === PROFILE_FIELDS[0].key && (
          <h3 id="profile-title" className="settings-subhead">
            Practice profile and fees (invoices)
          </h3>
        );
        return (
          <Fragment key={key}>
            {heading}
            <div className="setting">
              <span className={`badge source-${setting.source}`}>{SOURCE_LABEL[setting.source]}</span>
              <TextField
                label={label}
                name={key}
                value={values[key]}
                readOnly={!setting.editable}
                onChange={(event) => setValues((current) => ({ ...current, [key]: event.target.value }))}
                error={save.error}
                hint={setting.editable ? hint : `${hint} Fixed by the environment: change it there.`}
              />
            </div>
          </Fragment>
        );
      })}
      <FormError error={save.error} fields={ALL_FIELDS.map(({ key }) => key)} />
      <div>
        <button type="submit" className="button primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  );
}

export function SettingsPage() {
  const settings = useSettings();
  const desktop = desktopBridge();
  return (
    <section aria-labelledby="settings-title" className="stack">
      <h1 id="settings-title">Settings</h1>
      <QueryView query={settings}>
        {(data) => (
          <>
            <SettingsForm settings={data} />
            <CalendarFeedCard />
            <div className="card stack">
              <h2>Open the app on phones and tablets</h2>
              <p className="muted">Clients on the practice's network open one of these addresses, or scan its code.</p>
              {data.tls_enabled ? (
                <p>These addresses use HTTPS: passwords and practice data cross the network encrypted.</p>
              ) : (
                <p className="notice" role="note">
                  Without HTTPS, devices on the network send their passwords (and receive the practice's data) in clear, readable by anyone
                  on the same Wi-Fi. Start the server with <code>TLS_CERT_FILE</code> and <code>TLS_KEY_FILE</code> (see the README) to turn
                  it on.
                </p>
              )}
              {data.lan_urls.length === 0 ? (
                <Empty title="No network address">This computer is not connected to a local network.</Empty>
              ) : (
                <ul className="lan-list">
                  {data.lan_urls.map((url) => (
                    <LanAddress key={url} url={url} />
                  ))}
                </ul>
              )}
            </div>
          </>
        )}
      </QueryView>
      {desktop && <DesktopPanel desktop={desktop} />}
    </section>
  );
}
