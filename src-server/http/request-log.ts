// One log line per request: client address, method, path without its query (a query can carry an email or a calendar
// token), status, time. No headers, no bodies.
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.js';

/** The names of a request line's fields besides pino's own (level, time, msg): none is a name logger.ts redacts. */
export const REQUEST_LINE_FIELDS = ['ip', 'method', 'path', 'status', 'ms'] as const;

export type RequestLineWriter = (ip: string | undefined, method: string, path: string, status: number, started: bigint) => void;

/**
 * Writes request lines (response-replay.ts writes its answers' lines through this too). The fields are fixed and none
 * is a redacted name, so the lines skip pino's redaction, which could not change them and cost 5 µs a line (a tenth
 * of a replayed answer's time); every other line of the logger is still redacted.
 */
export function requestLineWriter(logger: Logger): RequestLineWriter {
  const lines = logger.child({}, { redact: [] });
  return (ip, method, path, status, started) => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    lines[status >= 500 ? 'error' : 'info']({ ip, method, path, status, ms: Math.round(ms * 10) / 10 }, 'request');
  };
}

export function requestLog(logger: Logger) {
  const write = requestLineWriter(logger);
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    // Read now: routers rewrite req.url while they work. req.ip is the forwarded address only from a trusted proxy.
    const path = req.path;
    const ip = req.ip ?? req.socket.remoteAddress;
    res.on('finish', () => write(ip, req.method, path, res.statusCode, started));
    next();
  };
}
