// The server's structured logger. Redaction is a second line of defence: nothing secret should be logged at all.
import pino, { type Logger } from 'pino';

export type { Logger };

export const REDACTED_PATHS = [
  'password',
  'password2',
  'new_password',
  'confirm_password',
  'otp',
  'access',
  'refresh',
  'token',
  'authorization',
  'email',
  'first_name',
  'last_name',
  'phone',
  'phone_number',
  'reason',
  'smtp_url',
  '*.password',
  '*.otp',
  '*.access',
  '*.refresh',
  '*.token',
  '*.authorization',
  '*.email',
  '*.smtp_url',
  'req.headers.authorization',
  'req.headers.cookie',
];

export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: undefined }, destination);
}
