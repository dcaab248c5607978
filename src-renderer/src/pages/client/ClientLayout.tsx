// The client's pages: their appointments and booking, under one header.
import { Outlet } from 'react-router-dom';
import { AppHeader } from '../../components/AppHeader';

const NAV = [
  // Short enough for one row on a phone.
  { to: '/client/appointments', label: 'Appointments' },
  { to: '/client/book', label: 'Book' },
  { to: '/client/invoices', label: 'Invoices' },
  { to: '/client/profile', label: 'My details' },
];

export function ClientLayout() {
  return (
    <div className="client-shell">
      <AppHeader nav={NAV} />
      <main className="client-main">
        <Outlet />
      </main>
    </div>
  );
}
