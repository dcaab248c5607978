// Password reset: ask for a code by mail, then the code and a new password (every device is signed out).
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { authApi } from '../../api/auth';
import { TextField } from '../../components/Field';
import { EmailField } from '../../components/EmailField';
import { FormError } from '../../components/FormError';
import { useToast } from '../../components/Toasts';
import { onSubmit, useFields } from '../../lib/forms';
import { AuthLayout } from './AuthLayout';
import { ResendCodeButton } from './ResendCodeButton';

export function ForgotPasswordPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const toast = useToast();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [codeSent, setCodeSent] = useState(false);
  const { values: reset, setValues: setReset, bind } = useFields({ otp: '', new_password: '', confirm_password: '' });

  const requestCode = useMutation({
    mutationFn: () => authApi.forgotPassword(email),
    onSuccess: (answer) => {
      toast.success(answer.message);
      setCodeSent(true);
    },
  });
  const setPassword = useMutation({
    mutationFn: () => authApi.resetPassword({ email, ...reset }),
    onSuccess: (answer) => {
      toast.success(answer.message);
      navigate(`/login?email=${encodeURIComponent(email.trim())}`, { replace: true });
    },
  });

  if (!codeSent) {
    return (
      <AuthLayout
        title="Reset your password"
        intro="We will email you a code to choose a new password."
        footer={<Link to="/login">Back to sign in</Link>}
      >
        <form onSubmit={onSubmit(requestCode.mutate)} noValidate>
          <EmailField value={email} onChange={(e) => setEmail(e.target.value)} error={requestCode.error} />
          <FormError error={requestCode.error} fields={['email']} />
          <button type="submit" className="button primary wide" disabled={requestCode.isPending}>
            {requestCode.isPending ? 'Sending…' : 'Email me a code'}
          </button>
        </form>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Choose a new password"
      intro={`Enter the code we sent to ${email}.`}
      footer={<Link to="/login">Back to sign in</Link>}
    >
      <form onSubmit={onSubmit(setPassword.mutate)} noValidate>
        <TextField
          label="Code from the email"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          className="code-input"
          {...bind('otp', setPassword.error)}
          onChange={(e) => setReset((current) => ({ ...current, otp: e.target.value.replace(/\D/g, '') }))}
        />
        <TextField label="New password" type="password" autoComplete="new-password" required {...bind('new_password', setPassword.error)} />
        <TextField
          label="Repeat the new password"
          type="password"
          autoComplete="new-password"
          required
          {...bind('confirm_password', setPassword.error)}
        />
        <FormError error={setPassword.error} fields={['otp', 'new_password', 'confirm_password']} />
        <button type="submit" className="button primary wide" disabled={setPassword.isPending}>
          {setPassword.isPending ? 'Saving…' : 'Set new password'}
        </button>
      </form>
      <p className="muted">
        No mail? <ResendCodeButton email={email} context="password_reset" />
      </p>
    </AuthLayout>
  );
}
