// React's view of the session: the signed-in user, and signing out (server-side revoke, then local cleanup).
import { useCallback, useSyncExternalStore } from 'react';
import { authApi } from './auth';
import { sessionStore, type Session } from './session';

export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

/** Ends the session here and on the server; the query cache empties itself when the session ends (main.tsx). */
export function useSignOut(): () => Promise<void> {
  return useCallback(async () => {
    const session = sessionStore.get();
    if (session) {
      // The local session ends whatever the server says: a dead token must not keep anyone signed in.
      await authApi.logout(session.refresh).catch(() => undefined);
    }
    sessionStore.end();
  }, []);
}

/** Where a signed-in person starts: the therapist's view or the client's. */
export function homePath(session: Session | null): string {
  if (!session) return '/login';
  return session.user.is_staff ? '/admin/' : '/client/appointments';
}
