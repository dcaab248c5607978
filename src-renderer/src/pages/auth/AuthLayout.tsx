// The frame of the signed-out pages: the practice's name above one centred card.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

export function AuthLayout({
  title,
  intro,
  children,
  footer,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="auth-page">
      <main className="auth-card">
        <p className="brand auth-brand">
          <span className="brand-mark" aria-hidden="true">
            ◐
          </span>{' '}
          Practice
        </p>
        <h1>{title}</h1>
        {intro && <p className="muted">{intro}</p>}
        {children}
        {footer && <div className="auth-footer">{footer}</div>}
      </main>
      <p className="auth-aside">
        <Link to="/api-docs">API reference</Link>
      </p>
    </div>
  );
}
