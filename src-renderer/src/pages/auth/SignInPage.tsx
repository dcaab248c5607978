// Sign-in: email and password; whoever has not verified yet can have a code sent again and enter it.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { authApi, setupApi } from '../../api/auth';
import { ApiError } from '../../api/errors';
import { sessionStore } from '../../api/session';
import { accountKeys } from '../../features/accounts/query-keys';
import { homePath, useSession } from '../../api/useSession';
import { TextField } from '../../components/Field';
import { EmailField } from '../../components/EmailField';
import { FormError } from '../../components/FormError';
import { useToast } from '../../components/Toasts';
import { onSubmit } from '../../lib/forms';
import { AuthLayout } from './AuthLayout';
import { adoptBrowserZone } from '../../features/accounts/adopt-browser-zone';

/** The API words it as SimpleJWT does; people read this. An unverified account gets the same answer on purpose. */
const WRONG_CREDENTIALS = 'Email or password is wrong.';

function readableSignInError(error: unknown): unknown {
  return error instanceof ApiError && error.code === 'no_active_account' ? new Error(WRONG_CREDENTIALS) : error;
}

/** The page that sent the person here, when it is one of ours (never another site). */
function pageAfterSignIn(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export function SignInPage() {
  const session = useSession();
  const toast = useToast();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [endedReason] = useState(() => sessionStore.takeEndedReason());
  // Only the practice computer may answer; from anywhere else the question is refused, which means "no".
  const setup = useQuery({ queryKey: accountKeys.setup(), queryFn: setupApi.state, retry: false });
  const signIn = useMutation({
    mutationFn: () => authApi.login(email, password),
    // Signed in, the page redirects itself (below).
    onSuccess: (signedIn) => {
      sessionStore.signIn(signedIn);
      adoptBrowserZone(signedIn);
      toast.success(`Welcome back, ${signedIn.user.first_name || signedIn.user.email}.`);
    },
  });

  // Answers the same for every address, so it can be offered to anyone whose sign-in failed.
  const resendCode = useMutation({
    mutationFn: () => authApi.resendOtp(email, 'registration'),
    onSuccess: (answer) => {
      toast.success(answer.message);
      navigate(`/verify?email=${encodeURIComponent(email)}`);
    },
  });

  if (setup.data?.needs_setup) return <Navigate to="/setup" replace />;
  if (session) return <Navigate to={pageAfterSignIn(params.get('next')) ?? homePath(session)} replace />;

  const signInError = readableSignInError(signIn.error);
  const wrongCredentials = signIn.error instanceof ApiError && signIn.error.code === 'no_active_account';

  return (
    <AuthLayout
      title="Sign in"
      footer={
        <>
          <Link to="/register">Create an account</Link>
          <Link to={`/forgot-password${email ? `?email=${encodeURIComponent(email)}` : ''}`}>Forgot your password?</Link>
        </>
      }
    >
      {endedReason && (
        <div className="notice" role="alert">
          {endedReason}
        </div>
      )}
      <form onSubmit={onSubmit(signIn.mutate)} noValidate>
        <EmailField value={email} onChange={(e) => setEmail(e.target.value)} error={signIn.error} />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={signIn.error}
        />
        <FormError error={signInError} fields={['email', 'password']} />
        {wrongCredentials && (
          <p className="muted">
            Didn&apos;t verify yet?{' '}
            <button type="button" className="button link" disabled={!email || resendCode.isPending} onClick={() => resendCode.mutate()}>
              {resendCode.isPending ? 'Sending…' : 'Send the code again'}
            </button>
          </p>
        )}
        <FormError error={resendCode.error} />
        <button type="submit" className="button primary wide" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthLayout>
  );
}
