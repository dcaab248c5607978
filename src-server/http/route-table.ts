// The route table's types: each endpoint is data (path, methods, who may call, schemas, handler, API-root entry).
import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call an operation. `local`: anyone, but only from this machine (first-run setup). */
export type Access = 'anyone' | 'user' | 'staff' | 'local';

/** The caller, as the authenticator found them (an active, verified account). */
export interface Principal {
  id: string;
  isStaff: boolean;
  /** When the access token that named the caller expires (epoch ms): nothing may answer for it from then on. */
  expiresAt: number;
}

export interface RequestInfo {
  /**
   * The client's address: the socket's, or under TRUST_PROXY the right-most X-Forwarded-For entry that is not a
   * trusted proxy (never the left-most, which the caller writes).
   */
  ip: string;
  /** True only for a direct loopback connection without any X-Forwarded-* header. */
  isLocal: boolean;
  /** `scheme://host[:port]` the request came to, for absolute URLs; always a valid origin (else the request is a 400). */
  origin: string;
  /** The path and query the request came to, for paging links. */
  originalUrl: string;
  userAgent: string | undefined;
}

export interface OperationContext<Body, Query> {
  body: Body;
  query: Query;
  params: Record<string, string>;
  principal: Principal | null;
  request: RequestInfo;
}

export interface OperationResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * A 200 Buffer body that depends on nothing but the data, the time and what http/response-replay.ts keys on (URL,
   * Host, Authorization, origin): may be replayed byte for byte to identical GETs until the next committed write or
   * `until` (epoch ms), whichever comes first (and never past the caller's token). `readsNoData`: the answer reads
   * nothing stored (the API root), so an anonymous caller's copy outlives writes.
   */
  replay?: { until: number; readsNoData?: boolean };
}

export interface Operation<BodySchema extends z.ZodType = z.ZodType, QuerySchema extends z.ZodType = z.ZodType> {
  access: Access;
  summary: string;
  body?: BodySchema;
  query?: QuerySchema;
  /** Named throttle applied per client IP before the handler runs (e.g. `auth`). */
  throttle?: string;
  /**
   * Checked right after authentication, before the body is validated: throws to refuse the caller (e.g. a 404 to
   * anyone but staff, where even a validation message would show that the route is there for them).
   */
  guard?(principal: Principal | null): void;
  /** Success status, documented in the OpenAPI schema. */
  status?: number;
  handler(context: OperationContext<z.output<BodySchema>, z.output<QuerySchema>>): Promise<OperationResult>;
}

export type ApiSection = 'authentication' | 'appointments' | 'administration' | 'meta';

export interface Endpoint {
  /** Its key in the API root, e.g. `admin_availability` (the seed's keys are kept as they are). */
  key: string;
  section: ApiSection;
  /** Django-style path: `/api/auth/delete-user/<uuid:pk>/`; `<date:day>` takes YYYY-MM-DD. */
  path: string;
  /** The API-root entry beyond what is derived (url, methods, authentication): description, fields, examples. */
  doc: Record<string, unknown>;
  methods: Partial<Record<HttpMethod, Operation>>;
}

/** Keeps the schemas' types for the handler while the table stores plain `Operation`s. */
export function operation<B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType>(op: Operation<B, Q>): Operation {
  return op as unknown as Operation;
}
