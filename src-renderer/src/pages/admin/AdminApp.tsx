// The therapist's view (loaded on demand, so clients on phones never download it): its pages under one header.
import { Navigate, Outlet, Route, Routes } from 'react-router-dom';
import { AppHeader } from '../../components/AppHeader';
import { AvailabilityPage } from './AvailabilityPage';
import { CalendarPage } from './CalendarPage';
import { OutboxPage } from './OutboxPage';
import { AuditLogPage } from './records/AuditLogPage';
import { ClientPage } from './records/ClientPage';
import { ClientsPage } from './records/ClientsPage';
import { InvoicesPage } from './records/InvoicesPage';
import { NoteEditorPage } from './records/NoteEditorPage';
import { usePracticeZone } from './practice-zone';
import { RequestsPage } from './RequestsPage';
import { SessionsPage } from './SessionsPage';
import { SettingsPage } from './SettingsPage';
import { StatsPage } from './StatsPage';
import { UsersPage } from './UsersPage';

const NAV = [
  { to: '/admin/', label: 'Requests', end: true },
  { to: '/admin/sessions', label: 'Sessions' },
  { to: '/admin/calendar', label: 'Week' },
  { to: '/admin/availability', label: 'Availability' },
  { to: '/admin/clients', label: 'Clients' },
  { to: '/admin/invoices', label: 'Invoices' },
  { to: '/admin/users', label: 'Users' },
  { to: '/admin/stats', label: 'Stats' },
  { to: '/admin/outbox', label: 'Mail' },
  { to: '/admin/audit-log', label: 'Audit log' },
  { to: '/admin/settings', label: 'Settings' },
];

function AdminLayout() {
  const zone = usePracticeZone();
  return (
    <div className="admin-shell">
      <AppHeader role="Therapist" nav={NAV} />
      <main className="admin-main">
        <p className="zone-note">
          Times in <strong>{zone}</strong>
        </p>
        <Outlet />
      </main>
    </div>
  );
}

export default function AdminApp() {
  return (
    <Routes>
      <Route element={<AdminLayout />}>
        <Route index element={<RequestsPage />} />
        <Route path="sessions" element={<SessionsPage />} />
        <Route path="calendar" element={<CalendarPage />} />
        <Route path="availability" element={<AvailabilityPage />} />
        <Route path="clients" element={<ClientsPage />} />
        <Route path="clients/:clientId" element={<ClientPage />} />
        <Route path="notes/:appointmentId" element={<NoteEditorPage />} />
        <Route path="invoices" element={<InvoicesPage />} />
        <Route path="audit-log" element={<AuditLogPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="stats" element={<StatsPage />} />
        <Route path="outbox" element={<OutboxPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="*" element={<Navigate to="/admin/" replace />} />
      </Route>
    </Routes>
  );
}
