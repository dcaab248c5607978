// The server's structured logger. Redaction is a second line of defence: nothing secret should be logged at all.
import fs from 'node:fs';
import path from 'node:path';
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

/** How long a line may wait in the buffer at most: a line someone is waiting for (the setup secret) is soon there. */
export const LOG_FLUSH_MS = 500;

/**
 * The server's log output (standard output, or a file): written in batches of 4 KB rather than one write per line,
 * since a request's line cost as much as a small answer's socket write. Whatever is buffered is written every
 * LOG_FLUSH_MS, at once after an error, and on exit (pino's own exit handler).
 */
export function batchedLogDestination(dest: string | number): pino.DestinationStream {
  // Opened here, synchronously: a file still opening when the process exits would lose every line written so far.
  const fd = typeof dest === 'number' ? dest : openLogFile(dest);
  return pino.destination({ dest: fd, minLength: 4096, sync: false, periodicFlush: LOG_FLUSH_MS });
}

/** Appends to `file`, readable by the owner only (it may hold the setup secret). */
function openLogFile(file: string): number {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return fs.openSync(file, 'a', 0o600);
}

function flush(stream: pino.DestinationStream): void {
  try {
    (stream as pino.DestinationStream & { flush?(): void }).flush?.();
  } catch {
    // Already closed on exit: its lines were written then.
  }
}

export function createLogger(level = 'info', destination: pino.DestinationStream = batchedLogDestination(1)): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: undefined,
      hooks: {
        logMethod(args, write, levelValue) {
          write.apply(this, args);
          if (levelValue >= pino.levels.values.error) flush(destination);
        },
      },
    },
    destination,
  );
}
