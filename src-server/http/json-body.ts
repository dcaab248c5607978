// Reads JSON request bodies up to 1 MiB; any other content type that carries a body is a 415.
import express, { type NextFunction, type Request, type Response } from 'express';
import { UnsupportedMediaType } from './errors.js';

const MAX_BODY = '1mb';
const parseJson = express.json({ limit: MAX_BODY, strict: false, type: () => true });

function hasBody(req: Request): boolean {
  const length = req.get('content-length');
  return req.get('transfer-encoding') !== undefined || (length !== undefined && length !== '0');
}

export function jsonBody(req: Request, res: Response, next: NextFunction): void {
  if (!hasBody(req)) {
    req.body = undefined;
    next();
    return;
  }
  const type = (req.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json' && !type.endsWith('+json')) {
    next(new UnsupportedMediaType(type || 'none'));
    return;
  }
  parseJson(req, res, next);
}
