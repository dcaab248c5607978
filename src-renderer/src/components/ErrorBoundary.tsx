// The last safety net: a page that failed to render (or a part of the app that failed to load) says so and offers a reload.
import { Component, type ReactNode } from 'react';

export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="auth-page">
        <div className="auth-card" role="alert">
          <h1>Something went wrong</h1>
          <p>This page could not be shown. Reloading usually helps; your data is safe on the server.</p>
          <button type="button" className="button primary" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </main>
    );
  }
}
