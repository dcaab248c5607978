// The renderer's entry: the same pages for the desktop window and for browsers on the LAN.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  return (
    <main>
      <h1>Practice</h1>
      <p>
        The API is at <a href="/api/">/api/</a>.
      </p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
