// Typed errors thrown anywhere below the HTTP layer, mapped to Django REST Framework's shapes in one place.
export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.detail === 'string' ? body.detail : `HTTP ${status}`);
  }
}

export class ValidationError extends ApiError {
  constructor(readonly fields: FieldErrors) {
    super(400, fields);
  }

  static field(field: string, message: string): ValidationError {
    return new ValidationError({ [field]: [message] });
  }
}

export class ParseError extends ApiError {
  constructor(detail = 'JSON parse error - the request body is not valid JSON.') {
    super(400, { detail, code: 'parse_error' });
  }
}

/** A request the server cannot make sense of outside its body (e.g. a malformed Host header). */
export class BadRequest extends ApiError {
  constructor(detail: string, code: string) {
    super(400, { detail, code });
  }
}

const WWW_AUTHENTICATE = { 'WWW-Authenticate': 'Bearer realm="api"' };

export class NotAuthenticated extends ApiError {
  constructor(detail = 'Authentication credentials were not provided.') {
    super(401, { detail, code: 'not_authenticated' }, WWW_AUTHENTICATE);
  }
}

export class AuthenticationFailed extends ApiError {
  constructor(detail: string, code = 'authentication_failed', extra: Record<string, unknown> = {}) {
    super(401, { detail, code, ...extra }, WWW_AUTHENTICATE);
  }
}

export class PermissionDenied extends ApiError {
  constructor(detail = 'You do not have permission to perform this action.', code?: string) {
    super(403, code ? { detail, code } : { detail });
  }
}

export class NotFound extends ApiError {
  constructor(detail = 'Not found.') {
    super(404, { detail });
  }
}

export class MethodNotAllowed extends ApiError {
  constructor(method: string, allowed: string[]) {
    super(405, { detail: `Method "${method}" not allowed.` }, { Allow: allowed.join(', ') });
  }
}

export class Conflict extends ApiError {
  constructor(detail: string, code: string) {
    super(409, { detail, code });
  }
}

export class PayloadTooLarge extends ApiError {
  constructor() {
    super(413, { detail: 'Request body is larger than 1 MiB.', code: 'payload_too_large' });
  }
}

export class UnsupportedMediaType extends ApiError {
  constructor(contentType: string) {
    super(415, { detail: `Unsupported media type "${contentType}" in request.`, code: 'unsupported_media_type' });
  }
}

export class Throttled extends ApiError {
  constructor(retryAfterSeconds: number) {
    const wait = Math.max(1, Math.ceil(retryAfterSeconds));
    super(
      429,
      {
        detail: `Request was throttled. Expected available in ${wait} second${wait === 1 ? '' : 's'}.`,
        code: 'throttled',
        retry_after: wait,
      },
      { 'Retry-After': String(wait) },
    );
  }
}

export class InternalError extends ApiError {
  constructor() {
    super(500, { detail: 'Internal server error.' });
  }
}
