// The client's own details: name and phone (the email is the account's and stays); bookings start from them.
import { authApi } from '../../api/auth';
import { sessionStore } from '../../api/session';
import { useSession } from '../../api/useSession';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useAction } from '../../components/useAction';
import { onSubmit, useFields } from '../../lib/forms';

export function ProfilePage() {
  const user = useSession()?.user;
  const { values, bind } = useFields({
    first_name: user?.first_name ?? '',
    last_name: user?.last_name ?? '',
    phone_number: user?.phone_number ?? '',
  });
  const save = useAction({
    run: () => authApi.updateProfile(values),
    done: () => 'Your details are saved.',
    after: (answer) => sessionStore.updateUser(answer.user),
  });
  return (
    <section aria-labelledby="profile-title">
      <h1 id="profile-title">My details</h1>
      <p className="muted">Signed in as {user?.email}. New bookings start from these details.</p>
      <form className="card" onSubmit={onSubmit(save.mutate)} noValidate>
        <div className="row">
          <TextField label="First name" autoComplete="given-name" required {...bind('first_name', save.error)} />
          <TextField label="Last name" autoComplete="family-name" required {...bind('last_name', save.error)} />
        </div>
        <TextField label="Phone (optional)" type="tel" autoComplete="tel" {...bind('phone_number', save.error)} />
        <FormError error={save.error} fields={['first_name', 'last_name', 'phone_number']} />
        <button type="submit" className="button primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save my details'}
        </button>
      </form>
    </section>
  );
}
