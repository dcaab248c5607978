// The client's contact details in a booking (from the open slots or by preferred days): name, email and phone.
import type { ChangeEvent } from 'react';
import { EmailField } from '../../components/EmailField';
import { TextField } from '../../components/Field';

type ContactField = 'first_name' | 'last_name' | 'email' | 'phone';

interface BoundField {
  name: string;
  value: string;
  error: unknown;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}

/** `bind` is the booking form's `useFields` binding; `error` the booking's last failure, shown beside each field. */
export function ContactFields({ bind, error }: { bind: (name: ContactField, error: unknown) => BoundField; error: unknown }) {
  return (
    <>
      <div className="row">
        <TextField label="First name" autoComplete="given-name" required {...bind('first_name', error)} />
        <TextField label="Last name" autoComplete="family-name" required {...bind('last_name', error)} />
      </div>
      <div className="row">
        <EmailField {...bind('email', error)} />
        <TextField label="Phone (optional)" type="tel" autoComplete="tel" {...bind('phone', error)} />
      </div>
    </>
  );
}
