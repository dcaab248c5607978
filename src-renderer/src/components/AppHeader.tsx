// The bar at the top of every signed-in page: the practice name, the page links, who is signed in, sign out.
import { NavLink, useNavigate } from 'react-router-dom';
import { useSession, useSignOut } from '../api/useSession';
import { usePracticeInfo } from '../features/practice/use-practice-info';
import { useToast } from './Toasts';

export interface NavItem {
  to: string;
  label: string;
  end?: boolean;
}

/** `role`: whose pages these are ("Therapist"), shown after the practice's name. */
export function AppHeader({ nav, role }: { nav: NavItem[]; role?: string }) {
  const session = useSession();
  const practiceName = usePracticeInfo().data?.practice_name ?? 'Practice';
  const signOut = useSignOut();
  const navigate = useNavigate();
  const toast = useToast();
  return (
    <header className="app-header">
      <div className="app-header-top">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◐
          </span>{' '}
          {role ? `${practiceName} · ${role}` : practiceName}
        </span>
        {session && (
          <div className="who">
            <span className="who-name">{session.user.first_name || session.user.email}</span>
            <button
              type="button"
              className="button secondary small"
              onClick={async () => {
                await signOut();
                toast.info('You are signed out.');
                navigate('/login');
              }}
            >
              Sign out
            </button>
          </div>
        )}
      </div>
      <nav aria-label="Main" className="app-nav">
        {nav.map((item) => (
          <NavLink key={item.to} to={item.to} end={item.end}>
            {item.label}
          </NavLink>
        ))}
      </nav>
    </header>
  );
}
