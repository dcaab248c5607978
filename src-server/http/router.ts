// Turns the route table into Express routes: 404 for bad path parameters, 405 with Allow, auth, throttles, validation.
import express, { type NextFunction, type Request, type Response } from 'express';
import { BadRequest, MethodNotAllowed, NotAuthenticated, PermissionDenied } from './errors.js';
import { paramsMatch, toExpressPath } from './path-params.js';
import { keepForReplay } from './response-replay.js';
import type { Endpoint, HttpMethod, Operation, Principal, RequestInfo } from './route-table.js';
import type { Throttle } from './throttle.js';
import { parseBody, parseInput } from './validation.js';

export interface RouterDependencies {
  /** Reads the Authorization header: null when there is none, a Principal, or throws AuthenticationFailed. */
  authenticate(authorization: string | undefined): Promise<Principal | null>;
  throttles: Record<string, Throttle>;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function allowedMethods(endpoint: Endpoint): string[] {
  const methods = Object.keys(endpoint.methods);
  return [...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'];
}

export function buildApiRouter(endpoints: Endpoint[], deps: RouterDependencies): express.Router {
  const router = express.Router({ strict: false });
  for (const endpoint of endpoints) {
    router.all(toExpressPath(endpoint.path), async (req: Request, res: Response, next: NextFunction) => {
      // Like Django's converters: a parameter that does not fit means this route does not match (a later one may).
      if (!paramsMatch(endpoint.path, req.params as Record<string, string>)) return next();
      if (req.method === 'OPTIONS') {
        res.set('Allow', allowedMethods(endpoint).join(', ')).json({
          name: endpoint.key,
          description: endpoint.doc.description ?? '',
          renders: ['application/json'],
          parses: ['application/json'],
        });
        return;
      }
      const method = (req.method === 'HEAD' ? 'GET' : req.method) as HttpMethod;
      const operation = endpoint.methods[method];
      if (!operation) throw new MethodNotAllowed(req.method, allowedMethods(endpoint));
      await runOperation(operation, req, res, deps);
    });
  }
  return router;
}

async function runOperation(operation: Operation, req: Request, res: Response, deps: RouterDependencies): Promise<void> {
  const request = requestInfo(req);
  const principal = await deps.authenticate(req.get('authorization'));
  authorize(operation, principal, request);
  operation.guard?.(principal);
  if (operation.throttle) await deps.throttles[operation.throttle].hit(request.ip);
  const body = operation.body ? parseBody(operation.body, BODY_METHODS.has(req.method) ? (req.body ?? {}) : {}) : undefined;
  const query = operation.query ? parseInput(operation.query, { ...req.query }) : undefined;
  const result = await operation.handler({ body, query, params: req.params as Record<string, string>, principal, request });
  if (result.headers) res.set(result.headers);
  res.status(result.status ?? 200);
  if (result.body === undefined) res.end();
  // A file (a PDF) or JSON serialised ahead (a kept page): sent as it is, with the Content-Type the handler set.
  else if (Buffer.isBuffer(result.body)) {
    res.send(result.body);
    if (result.replay)
      keepForReplay(res, result.body, {
        until: Math.min(result.replay.until, principal?.expiresAt ?? Infinity),
        // A signed-in caller's copy still ends with any write: a revoked token must meet the authenticator again.
        writesEndIt: !(result.replay.readsNoData && !principal),
      });
  } else res.json(result.body);
}

function authorize(operation: Operation, principal: Principal | null, request: RequestInfo): void {
  switch (operation.access) {
    case 'anyone':
      return;
    case 'local':
      if (!request.isLocal) throw new PermissionDenied('This is only possible on the practice computer itself.');
      return;
    case 'user':
      if (!principal) throw new NotAuthenticated();
      return;
    case 'staff':
      if (!principal) throw new NotAuthenticated();
      if (!principal.isStaff) throw new PermissionDenied();
  }
}

export function requestInfo(req: Request): RequestInfo {
  const forwarded = Object.keys(req.headers).some((name) => name.startsWith('x-forwarded-') || name === 'forwarded');
  return {
    ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    isLocal: !forwarded && LOOPBACK.has(req.socket.remoteAddress ?? ''),
    origin: requestOrigin(req),
    originalUrl: req.originalUrl,
    userAgent: req.get('user-agent'),
  };
}

/**
 * `scheme://host[:port]` from the Host header (or, from a trusted proxy, X-Forwarded-Proto/Host). Anything else
 * there (`[::1`, a path, user info) is the caller's mistake: a 400, never a 500 further down or a link elsewhere.
 */
function requestOrigin(req: Request): string {
  let url: URL;
  try {
    url = new URL(`${req.protocol}://${req.host}`);
  } catch {
    throw invalidHost();
  }
  const hostOnly = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  if (!hostOnly || !['http:', 'https:'].includes(url.protocol)) throw invalidHost();
  return url.origin;
}

function invalidHost(): BadRequest {
  return new BadRequest('The Host header is not a valid host name.', 'invalid_host');
}
