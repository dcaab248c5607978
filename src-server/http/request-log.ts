// One log line per request: client address, method, path without its query (a query can carry an email or a calendar
// token), status, time. No headers, no bodies.
import type { ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.js';

export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    logWhenSent(logger, req, res);
    next();
  };
}

/** Logs the request once its response is sent; response-replay.ts logs its answers through this too. */
export function logWhenSent(logger: Logger, req: Request, res: ServerResponse): void {
  const started = process.hrtime.bigint();
  // Read now: routers rewrite req.url while they work. req.ip is the forwarded address only from a trusted proxy.
  const path = req.path;
  const ip = req.ip ?? req.socket.remoteAddress;
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const level = res.statusCode >= 500 ? 'error' : 'info';
    logger[level]({ ip, method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
  });
}
