// A labelled form control with its hint and the server's messages for that field right beside it.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { ApiError } from '../api/errors';

/** The messages the server gave for `name` (a 400's field errors), if the last attempt failed. */
export function fieldMessages(error: unknown, name: string): string[] {
  return error instanceof ApiError ? (error.fieldErrors[name] ?? []) : [];
}

interface FrameProps {
  label: string;
  hint?: ReactNode;
  messages: string[];
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

function FieldFrame({ label, hint, messages, children }: FrameProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : '';
  const errorId = messages.length > 0 ? `${id}-error` : '';
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${messages.length > 0 ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: messages.length > 0 })}
      {hint && (
        <small id={hintId} className="hint">
          {hint}
        </small>
      )}
      {messages.length > 0 && (
        <small id={errorId} className="field-error">
          {messages.join(' ')}
        </small>
      )}
    </div>
  );
}

interface Common {
  label: string;
  name: string;
  error?: unknown;
  hint?: ReactNode;
}

export function TextField({ label, name, error, hint, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldFrame label={label} hint={hint} messages={fieldMessages(error, name)}>
      {({ id, describedBy, invalid }) => (
        <input id={id} name={name} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...input} />
      )}
    </FieldFrame>
  );
}

export function TextArea({ label, name, error, hint, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldFrame label={label} hint={hint} messages={fieldMessages(error, name)}>
      {({ id, describedBy, invalid }) => (
        <textarea id={id} name={name} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...input} />
      )}
    </FieldFrame>
  );
}

export function SelectField({ label, name, error, hint, children, ...input }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldFrame label={label} hint={hint} messages={fieldMessages(error, name)}>
      {({ id, describedBy, invalid }) => (
        <select id={id} name={name} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...input}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}
