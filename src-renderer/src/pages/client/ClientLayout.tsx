// The client's pages: their appointments and booking, under one header.
import { Outlet } from 'react-router-dom';
import { AppHeader } from '../../components/AppHeader';

const NAV = [
  { to: '/client/appointments', label: 'My appointments' },
  { to: '/client/book', label: 'Book a session' },
];

export function ClientLayout() {
  return (
    <div className="client-shell">
      <AppHeader title="Practice" nav={NAV} />
      <main className="client-main">
        <Outlet />
      </main>
    </div>
  );
}
