// The message of a failed submission that belongs to the whole form: non-field errors, detail, 429 wait, network.
import { ApiError, errorMessage } from '../api/errors';

interface Props {
  error: unknown;
  /** Fields the form shows beside their inputs; messages for any other field are listed here. */
  fields?: string[];
}

export function FormError({ error, fields = [] }: Props) {
  if (!error) return null;
  const others = error instanceof ApiError ? Object.entries(error.fieldErrors).filter(([field]) => !fields.includes(field)) : [];
  return (
    <div className="form-error" role="alert">
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
