// First run on the practice computer: the therapist's account and the practice settings, shown only while needed.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { authApi, setupApi, type SetupInput } from '../../api/auth';
import { sessionStore } from '../../api/session';
import { accountKeys } from '../../features/accounts/query-keys';
import type { SettingKey } from '@shared/api-types';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/States';
import { useToast } from '../../components/Toasts';
import { desktopBridge } from '../../lib/desktop';
import { onSubmit, useFields } from '../../lib/forms';
import { browserZone } from '../../lib/practice-time';
import { AuthLayout } from './AuthLayout';

const SETTING_FIELDS: { key: Extract<SettingKey, keyof SetupInput>; label: string; hint: string; type?: string }[] = [
  { key: 'practice_timezone', label: 'Practice time zone', hint: 'An IANA zone such as Europe/Berlin: dates and times are shown in it.' },
  { key: 'jitsi_domain', label: 'Video meeting host (Jitsi)', hint: 'meet.jit.si, or your own Jitsi server.' },
  {
    key: 'smtp_url',
    label: 'Outgoing mail server (optional)',
    hint: 'smtp://user:password@host:587 — without it, mail waits in the outbox.',
  },
  { key: 'email_from', label: 'Sender (optional)', hint: 'For example: My Practice <practice@example.com>' },
];

export function SetupPage() {
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const state = useQuery({ queryKey: accountKeys.setup(), queryFn: setupApi.state, retry: false });
  // In the desktop window the bridge knows the setup secret; a browser on this computer asks the therapist for it.
  const bridge = desktopBridge();
  const { values: account, bind } = useFields({ setup_secret: '', email: '', first_name: '', last_name: '', password: '', password2: '' });
  const [settings, setSettings] = useState<Partial<Record<SettingKey, string>>>({ practice_timezone: browserZone() });

  const complete = useMutation({
    mutationFn: async () => {
      const editable = SETTING_FIELDS.filter(({ key }) => state.data?.settings?.[key]?.editable !== false);
      const setupSecret = bridge ? ((await bridge.setupSecret()) ?? '') : account.setup_secret.trim();
      const input: SetupInput = { ...account, setup_secret: setupSecret };
      for (const { key } of editable) if (settings[key]?.trim()) input[key] = settings[key]!.trim();
      await setupApi.complete(input);
      return authApi.login(account.email, account.password);
    },
    onSuccess: (signedIn) => {
      sessionStore.signIn(signedIn);
      queryClient.setQueryData(accountKeys.setup(), { needs_setup: false, settings: null });
      toast.success('Your practice is ready.');
      navigate('/admin/', { replace: true });
    },
  });

  if (state.isPending) return <Loading />;
  if (!state.data?.needs_setup) return <Navigate to="/login" replace />;

  const current = state.data.settings;
  return (
    <AuthLayout title="Set up your practice" intro="Create the therapist's account. Clients register themselves later.">
      <form onSubmit={onSubmit(complete.mutate)} noValidate>
        {!bridge && (
          <TextField
            label="Setup secret"
            autoComplete="off"
            spellCheck={false}
            required
            hint="The server printed it on its console and wrote it to its log when it started, e.g. 7KQ4-M2XD-9RTW-H3NB. It proves you are at the practice computer."
            {...bind('setup_secret', complete.error)}
          />
        )}
        <fieldset>
          <legend>Your account</legend>
          <TextField label="Email" type="email" autoComplete="email" required {...bind('email', complete.error)} />
          <div className="row">
            <TextField label="First name" autoComplete="given-name" {...bind('first_name', complete.error)} />
            <TextField label="Last name" autoComplete="family-name" {...bind('last_name', complete.error)} />
          </div>
          <TextField label="Password" type="password" autoComplete="new-password" required {...bind('password', complete.error)} />
          <TextField
            label="Repeat the password"
            type="password"
            autoComplete="new-password"
            required
            {...bind('password2', complete.error)}
          />
        </fieldset>
        <fieldset>
          <legend>Practice settings</legend>
          {SETTING_FIELDS.map(({ key, label, hint }) => {
            const setting = current?.[key];
            const fixed = setting?.editable === false;
            return (
              <TextField
                key={key}
                label={label}
                name={key}
                hint={fixed ? 'Fixed by the environment of this computer.' : hint}
                readOnly={fixed}
                placeholder={setting?.value ?? ''}
                value={fixed ? (setting?.value ?? '') : (settings[key] ?? '')}
                onChange={(event) => setSettings((values) => ({ ...values, [key]: event.target.value }))}
                error={complete.error}
              />
            );
          })}
        </fieldset>
        <FormError error={complete.error} fields={[...Object.keys(account), ...SETTING_FIELDS.map(({ key }) => key)]} />
        <button type="submit" className="button primary wide" disabled={complete.isPending}>
          {complete.isPending ? 'Setting up…' : 'Create the practice'}
        </button>
      </form>
    </AuthLayout>
  );
}
