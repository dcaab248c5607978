// The app's routes: sign-in pages, the client's pages, and the therapist's view and API reference loaded on demand.
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { homePath, useSession } from './api/useSession';
import { RequireSession } from './components/RequireSession';
import { Loading } from './components/States';
import { ForgotPasswordPage } from './pages/auth/ForgotPasswordPage';
import { RegisterPage } from './pages/auth/RegisterPage';
import { SetupPage } from './pages/auth/SetupPage';
import { SignInPage } from './pages/auth/SignInPage';
import { VerifyPage } from './pages/auth/VerifyPage';
import { BookPage } from './pages/client/BookPage';
import { ClientLayout } from './pages/client/ClientLayout';
import { MyAppointmentsPage } from './pages/client/MyAppointmentsPage';
import { MyInvoicesPage } from './pages/client/MyInvoicesPage';
import { ProfilePage } from './pages/client/ProfilePage';

const AdminApp = lazy(() => import('./pages/admin/AdminApp'));
const ApiDocsPage = lazy(() => import('./pages/api-docs/ApiDocsPage').then((module) => ({ default: module.ApiDocsPage })));

function Home() {
  return <Navigate to={homePath(useSession())} replace />;
}

export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/" element={<Home />} />
        <Route path="/login" element={<SignInPage />} />
        <Route path="/register" element={<RegisterPage />} />
        <Route path="/verify" element={<VerifyPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/api-docs" element={<ApiDocsPage />} />
        <Route
          path="/admin/*"
          element={
            <RequireSession staff>
              <AdminApp />
            </RequireSession>
          }
        />
        <Route
          path="/client"
          element={
            <RequireSession staff={false}>
              <ClientLayout />
            </RequireSession>
          }
        >
          <Route index element={<Navigate to="appointments" replace />} />
          <Route path="appointments" element={<MyAppointmentsPage />} />
          <Route path="book" element={<BookPage />} />
          <Route path="invoices" element={<MyInvoicesPage />} />
          <Route path="profile" element={<ProfilePage />} />
        </Route>
        <Route path="*" element={<Home />} />
      </Routes>
    </Suspense>
  );
}
