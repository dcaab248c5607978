// The desktop window's bridge (`window.practiceDesktop` from the preload), and what a plain browser does instead.
import type { PracticeDesktop } from '../../../src-main/desktop-bridge';

declare global {
  interface Window {
    practiceDesktop?: PracticeDesktop;
  }
}

/** Opens a Jitsi room outside the app: the system browser on the desktop, a new tab in a browser. */
export function openExternal(url: string): void {
  if (window.practiceDesktop) void window.practiceDesktop.openExternal(url);
  else window.open(url, '_blank', 'noopener');
}

/** The bridge when the page runs in the desktop window; null in a browser. */
export function desktopBridge(): PracticeDesktop | null {
  return window.practiceDesktop ?? null;
}
