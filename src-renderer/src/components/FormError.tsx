// The message of a failed submission that belongs to the whole form: non-field errors, detail, 429 wait, network.
// It takes the focus when it appears and scrolls to the middle of the screen, clear of the sticky header on a phone.
import { useEffect, useRef } from 'react';
import { ApiError, errorMessage } from '../api/errors';

interface Props {
  error: unknown;
  /** Fields the form shows beside their inputs; messages for any other field are listed here. */
  fields?: string[];
}

export function FormError({ error, fields = [] }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!error || !box.current) return;
    box.current.focus({ preventScroll: true });
    box.current.scrollIntoView({ block: 'center' });
  }, [error]);
  if (!error) return null;
  const others = error instanceof ApiError ? Object.entries(error.fieldErrors).filter(([field]) => !fields.includes(field)) : [];
  return (
    <div ref={box} className="form-error" role="alert" tabIndex={-1}>
      <p>{errorMessage(error)}</p>
      {others.length > 0 && (
        <ul>
          {others.map(([field, messages]) => (
            <li key={field}>
              {field.replaceAll('_', ' ')}: {messages.join(' ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
