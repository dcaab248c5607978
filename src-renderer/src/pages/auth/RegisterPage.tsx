// Registration: the client's details and a password; a 6-digit code is mailed to confirm the address.
import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { authApi, type RegisterInput } from '../../api/auth';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useToast } from '../../components/Toasts';
import { onSubmit, useFields } from '../../lib/forms';
import { AuthLayout } from './AuthLayout';

const EMPTY: RegisterInput = { email: '', first_name: '', last_name: '', phone_number: '', password: '', password2: '' };

export function RegisterPage() {
  const navigate = useNavigate();
  const toast = useToast();
  const { values: form, bind } = useFields(EMPTY);
  const register = useMutation({
    mutationFn: () => authApi.register(form),
    onSuccess: (answer) => {
      toast.success(answer.message);
      navigate(`/verify?email=${encodeURIComponent(form.email.trim())}`);
    },
  });
  return (
    <AuthLayout
      title="Create your account"
      intro="We will email you a 6-digit code to confirm your address."
      footer={<Link to="/login">I already have an account</Link>}
    >
      <form onSubmit={onSubmit(register.mutate)} noValidate>
        <TextField label="Email" type="email" autoComplete="email" required {...bind('email', register.error)} />
        <div className="row">
          <TextField label="First name" autoComplete="given-name" required {...bind('first_name', register.error)} />
          <TextField label="Last name" autoComplete="family-name" required {...bind('last_name', register.error)} />
        </div>
        <TextField label="Phone (optional)" type="tel" autoComplete="tel" {...bind('phone_number', register.error)} />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 8 characters, not only digits, not a common password."
          {...bind('password', register.error)}
        />
        <TextField
          label="Repeat the password"
          type="password"
          autoComplete="new-password"
          required
          {...bind('password2', register.error)}
        />
        <FormError error={register.error} fields={Object.keys(EMPTY)} />
        <button type="submit" className="button primary wide" disabled={register.isPending}>
          {register.isPending ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
    </AuthLayout>
  );
}
