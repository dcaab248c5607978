// The one place where errors become responses: typed ApiErrors as DRF shapes, body-parser errors, anything else a bare 500.
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.js';
import { ApiError, InternalError, NotFound, ParseError, PayloadTooLarge, UnsupportedMediaType } from './errors.js';

interface BodyParserError {
  type?: string;
  status?: number;
}

function toApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  // Express could not percent-decode a path parameter (`/api/auth/delete-user/%E0%A4%A/`): no route has that path.
  if (error instanceof URIError) return new NotFound();
  const type = (error as BodyParserError | null)?.type;
  if (type === 'entity.too.large') return new PayloadTooLarge();
  if (type === 'entity.parse.failed') return new ParseError();
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return new UnsupportedMediaType('charset');
  if (type === 'request.aborted' || type === 'request.size.invalid' || type === 'stream.encoding.set')
    return new ParseError('The request body could not be read.');
  return null;
}

export function apiNotFound(_req: Request, _res: Response, next: NextFunction): void {
  next(new NotFound());
}

export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    let apiError = toApiError(error);
    if (!apiError) {
      // Only the error's kind and stack go to the log; messages of database errors can quote values.
      const err = error as Error;
      logger.error(
        { err: { type: err?.name, stack: err?.stack?.split('\n').slice(1, 6).join('\n') }, method: req.method, path: req.path },
        'unhandled error',
      );
      apiError = new InternalError();
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(apiError.status).set(apiError.headers).json(apiError.body);
  };
}
