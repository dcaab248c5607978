// The email address field of the sign-in, sign-up, verification and booking forms: one label, type and autofill hint.
import type { ComponentProps } from 'react';
import { TextField } from './Field';

type EmailFieldProps = Omit<ComponentProps<typeof TextField>, 'label' | 'name' | 'type' | 'autoComplete' | 'required'> & {
  name?: string;
};

export function EmailField({ name = 'email', ...input }: EmailFieldProps) {
  return <TextField label="Email" name={name} type="email" autoComplete="email" required {...input} />;
}
