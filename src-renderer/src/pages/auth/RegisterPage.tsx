// Registration: the client's details and a password; a 6-digit code is mailed to confirm the address.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { authApi, type RegisterInput } from '../../api/auth';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useToast } from '../../components/Toasts';
import { AuthLayout } from './AuthLayout';

const EMPTY: RegisterInput = { email: '', first_name: '', last_name: '', phone_number: '', password: '', password2: '' };

export function RegisterPage() {
  const navigate = useNavigate();
  const toast = useToast();
  const [form, setForm] = useState(EMPTY);
  const register = useMutation({
    mutationFn: () => authApi.register(form),
    onSuccess: (answer) => {
      toast.success(answer.message);
      navigate(`/verify?email=${encodeURIComponent(form.email.trim())}`);
    },
  });
  const bind = (name: keyof RegisterInput) => ({
    name,
    value: form[name],
    error: register.error,
    onChange: (event: { target: { value: string } }) => setForm((current) => ({ ...current, [name]: event.target.value })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate();
  };
  return (
    <AuthLayout title="Create your account" intro="We will email you a 6-digit code to confirm your address." footer={<Link to="/login">I already have an account</Link>}>
      <form onSubmit={submit} noValidate>
        <TextField label="Email" type="email" autoComplete="email" required {...bind('email')} />
        <div className="row">
          <TextField label="First name" autoComplete="given-name" required {...bind('first_name')} />
          <TextField label="Last name" autoComplete="family-name" required {...bind('last_name')} />
        </div>
        <TextField label="Phone (optional)" type="tel" autoComplete="tel" {...bind('phone_number')} />
        <TextField label="Password" type="password" autoComplete="new-password" required hint="At least 8 characters, not only digits, not a common password." {...bind('password')} />
        <TextField label="Repeat the password" type="password" autoComplete="new-password" required {...bind('password2')} />
        <FormError error={register.error} fields={Object.keys(EMPTY)} />
        <button type="submit" className="button primary wide" disabled={register.isPending}>
          {register.isPending ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
    </AuthLayout>
  );
}
