// Route guard: pages of one role only; others go to sign-in (coming back afterwards) or to their own home.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { homePath, useSession } from '../api/useSession';

export function RequireSession({ staff, children }: { staff: boolean; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (session.user.is_staff !== staff) return <Navigate to={homePath(session)} replace />;
  return <>{children}</>;
}
