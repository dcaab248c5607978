// The one way the renderer talks to the server: JSON over fetch, the bearer token, silent refresh, typed errors.
import { ApiError } from './errors';
import { sessionStore } from './session';
import type { TokenPair } from '@shared/api-types';

export type Query = Record<string, string | number | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  /** Send the access token (default: whenever signed in). */
  auth?: boolean;
  /** The answer is a file (a PDF): returned as a Blob, not parsed as JSON. */
  blob?: boolean;
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

/**
 * Exchanges the refresh token for a new pair. Presenting a rotated token again would revoke the whole session, so
 * only one rotation runs at a time: in this tab (parallel 401s share it) and across tabs (a Web Lock); a tab that
 * finds the stored token already replaced by another tab takes that one instead of rotating again.
 */
let refreshing: Promise<boolean> | null = null;

async function rotate(staleRefresh: string): Promise<boolean> {
  const session = sessionStore.reload();
  if (!session) return false;
  if (session.refresh !== staleRefresh) return true;
  const response = await send('/api/auth/token/refresh/', { method: 'POST', body: { refresh: session.refresh } }, null);
  if (!response.ok) return false;
  sessionStore.replaceTokens((await response.json()) as TokenPair);
  return true;
}

function refreshTokens(staleRefresh: string): Promise<boolean> {
  refreshing ??= (
    navigator.locks ? navigator.locks.request('practice-token-refresh', () => rotate(staleRefresh)) : rotate(staleRefresh)
  ).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const useAuth = options.auth ?? true;
  const sentWith = useAuth ? sessionStore.get() : null;
  let response = await send(path, options, sentWith?.access ?? null);
  if (response.status === 401 && sentWith) {
    const error = await errorFrom(response);
    if (error.code === 'user_inactive' || error.code === 'user_not_found') {
      sessionStore.end(ACCOUNT_DEACTIVATED);
      throw error;
    }
    if (!(await refreshTokens(sentWith.refresh))) {
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
  if (options.blob) return (await response.blob()) as T;
  return (await response.json()) as T;
}
