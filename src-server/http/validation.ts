// Request validation with zod, reported in Django REST Framework's 400 shape: {field: ["message"]}.
import type { z } from 'zod';
import { ValidationError, type FieldErrors } from './errors.js';

type Issue = z.core.$ZodRawIssue;

const TYPE_MESSAGES: Record<string, string> = {
  string: 'Not a valid string.',
  number: 'A valid number is required.',
  int: 'A valid integer is required.',
  boolean: 'Must be a valid boolean.',
  array: 'Expected a list of items.',
  object: 'Expected a dictionary of items.',
};

/** DRF's wording for zod's issues; a message written on the schema itself still wins. */
function drfMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'This field is required.';
      if (issue.input === null) return 'This field may not be null.';
      return TYPE_MESSAGES[issue.expected] ?? 'Invalid value.';
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? 'This field may not be blank.' : `Ensure this field has at least ${issue.minimum} characters.`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return Number(issue.minimum) <= 1 ? 'This list may not be empty.' : `Ensure this field has at least ${issue.minimum} elements.`;
      }
      return `Ensure this value is greater than or equal to ${issue.minimum}.`;
    case 'too_big':
      if (issue.origin === 'string') return `Ensure this field has no more than ${issue.maximum} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Ensure this field has no more than ${issue.maximum} elements.`;
      return `Ensure this value is less than or equal to ${issue.maximum}.`;
    case 'invalid_format':
      if (issue.format === 'email') return 'Enter a valid email address.';
      if (issue.format === 'uuid') return 'Must be a valid UUID.';
      return 'Invalid format.';
    case 'invalid_value':
      return `"${String(issue.input)}" is not a valid choice.`;
    default:
      return undefined;
  }
}

export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data, { error: drfMessage });
  if (result.success) return result.data;
  throw new ValidationError(toFieldErrors(result.error));
}

/** Body schemas expect an object; DRF says so in non_field_errors for anything else. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    const got = Array.isArray(body) ? 'list' : body === null ? 'null' : typeof body;
    throw new ValidationError({ non_field_errors: [`Invalid data. Expected a dictionary, but got ${got}.`] });
  }
  return parseInput(schema, body);
}

export function toFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const [head, ...rest] = issue.path;
    const field = head === undefined ? 'non_field_errors' : String(head);
    // Errors of list items name the item, as DRF's ListField does by index.
    const message = rest.length > 0 && typeof rest[0] === 'number' ? `Item ${rest[0] + 1}: ${issue.message}` : issue.message;
    const messages = (fields[field] ??= []);
    if (!messages.includes(message)) messages.push(message);
  }
  return fields;
}
