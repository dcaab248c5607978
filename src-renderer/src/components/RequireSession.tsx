// Route guard: pages of one role only; others go to sign-in (coming back afterwards) or to their own home.
import { useQuery } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { authApi } from '../api/auth';
import { accountKeys } from '../features/accounts/query-keys';
import { sessionStore } from '../api/session';
import { homePath, useSession } from '../api/useSession';

/**
 * Asks for the profile on every page load and every few minutes: a deactivated account or a revoked session is
 * noticed (and signed out by the API client) even on pages that make no other authenticated request.
 */
function useFreshProfile(enabled: boolean): void {
  const profile = useQuery({
    queryKey: accountKeys.profile(),
    queryFn: authApi.profile,
    enabled,
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
  useEffect(() => {
    if (profile.data) sessionStore.updateUser(profile.data.user);
  }, [profile.data]);
}

export function RequireSession({ staff, children }: { staff: boolean; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  useFreshProfile(session !== null);
  if (!session) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (session.user.is_staff !== staff) return <Navigate to={homePath(session)} replace />;
  return <>{children}</>;
}
