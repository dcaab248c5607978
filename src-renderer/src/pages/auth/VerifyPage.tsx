// Email verification: the 6-digit code from the mail signs the new client in.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { authApi } from '../../api/auth';
import { sessionStore } from '../../api/session';
import { homePath } from '../../api/useSession';
import { TextField } from '../../components/Field';
import { EmailField } from '../../components/EmailField';
import { FormError } from '../../components/FormError';
import { useToast } from '../../components/Toasts';
import { onSubmit } from '../../lib/forms';
import { AuthLayout } from './AuthLayout';
import { ResendCodeButton } from './ResendCodeButton';
import { adoptBrowserZone } from '../../features/accounts/adopt-browser-zone';

export function VerifyPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const toast = useToast();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [otp, setOtp] = useState('');
  const verify = useMutation({
    mutationFn: () => authApi.verifyOtp(email, otp),
    onSuccess: (answer) => {
      sessionStore.signIn(answer);
      adoptBrowserZone(answer);
      toast.success(answer.message);
      navigate(homePath(sessionStore.get()), { replace: true });
    },
  });
  return (
    <AuthLayout
      title="Check your email"
      intro="Enter the 6-digit code we sent you. It is valid for 10 minutes."
      footer={<Link to="/login">Back to sign in</Link>}
    >
      <form onSubmit={onSubmit(verify.mutate)} noValidate>
        <EmailField value={email} onChange={(e) => setEmail(e.target.value)} error={verify.error} />
        <TextField
          label="Verification code"
          name="otp"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          className="code-input"
          value={otp}
          onChange={(e) => setOtp(e.target.value.replace(/\D/g, ''))}
          error={verify.error}
        />
        <FormError error={verify.error} fields={['email', 'otp']} />
        <button type="submit" className="button primary wide" disabled={verify.isPending}>
          {verify.isPending ? 'Checking…' : 'Verify and sign in'}
        </button>
      </form>
      <p className="muted">
        No mail? Check your spam folder, or <ResendCodeButton email={email} context="registration" />
      </p>
    </AuthLayout>
  );
}
