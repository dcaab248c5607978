// The API's error answers (DRF shapes) as one error class the forms and toasts know how to read.

export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    /** Seconds from the Retry-After header of a 429. */
    readonly retryAfter: number | null = null,
  ) {
    super(describe(status, body, retryAfter));
  }

  get code(): string | undefined {
    return typeof this.body.code === 'string' ? this.body.code : undefined;
  }

  /** The per-field messages of a 400 (every key holding a list of strings, except non_field_errors). */
  get fieldErrors(): FieldErrors {
    if (this.status !== 400) return {};
    const fields: FieldErrors = {};
    for (const [key, value] of Object.entries(this.body)) {
      if (key !== 'non_field_errors' && Array.isArray(value)) fields[key] = value.map(String);
    }
    return fields;
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** What a 429 asks for, from its Retry-After in seconds: "Please wait 2 minutes before trying again." */
function waitText(seconds: number): string {
  const wait = seconds < 90 ? plural(seconds, 'second') : plural(Math.ceil(seconds / 60), 'minute');
  return `Please wait ${wait} before trying again.`;
}

/** The message that belongs at the form rather than next to one field. */
function describe(status: number, body: Record<string, unknown>, retryAfter: number | null): string {
  if (status === 429) return waitText(retryAfter ?? 60);
  if (Array.isArray(body.non_field_errors)) return body.non_field_errors.join(' ');
  if (typeof body.detail === 'string') return body.detail;
  if (status === 400) return 'Please correct the highlighted fields.';
  if (status === 0) return 'The practice server cannot be reached. Check the connection and try again.';
  return `The server answered with an error (${status}). Please try again.`;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong. Please try again.';
}
