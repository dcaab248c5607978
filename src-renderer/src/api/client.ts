// The one way the renderer talks to the server: JSON over fetch, the bearer token, silent refresh, typed errors.
import { ApiError } from './errors';
import { sessionStore } from './session';
import type { TokenPair } from './types';

export type Query = Record<string, string | number | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  /** Send the access token (default: whenever signed in). */
  auth?: boolean;
}

const SESSION_EXPIRED = 'Your session has expired. Please sign in again.';
const ACCOUNT_DEACTIVATED = 'Your account has been deactivated. Please contact the practice.';

function urlFor(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function send(path: string, options: RequestOptions, access: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (access) headers.Authorization = `Bearer ${access}`;
  try {
    return await fetch(urlFor(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, {});
  }
}

async function errorFrom(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // A proxy's HTML error page: the status alone must do.
  }
  const retryAfter = Number(response.headers.get('Retry-After'));
  return new ApiError(response.status, body, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
}

/** One refresh at a time: parallel 401s wait for the same rotation (a second rotation would reuse a dead token). */
let refreshing: Promise<boolean> | null = null;

function refreshTokens(): Promise<boolean> {
  refreshing ??= (async () => {
    const session = sessionStore.get();
    if (!session) return false;
    const response = await send('/api/auth/token/refresh/', { method: 'POST', body: { refresh: session.refresh } }, null);
    if (!response.ok) return false;
    sessionStore.replaceTokens((await response.json()) as TokenPair);
    return true;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const useAuth = options.auth ?? true;
  let response = await send(path, options, useAuth ? (sessionStore.get()?.access ?? null) : null);
  if (response.status === 401 && useAuth && sessionStore.get()) {
    const error = await errorFrom(response);
    if (error.code === 'user_inactive' || error.code === 'user_not_found') {
      sessionStore.end(ACCOUNT_DEACTIVATED);
      throw error;
    }
    if (!(await refreshTokens())) {
      sessionStore.end(SESSION_EXPIRED);
      throw error;
    }
    response = await send(path, options, sessionStore.get()?.access ?? null);
    if (response.status === 401) {
      const retried = await errorFrom(response);
      sessionStore.end(retried.code === 'user_inactive' ? ACCOUNT_DEACTIVATED : SESSION_EXPIRED);
      throw retried;
    }
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204 || response.status === 205) return undefined as T;
  return (await response.json()) as T;
}
