// Keeps every window on the app's own origin: any other link (a Jitsi room, a web page) opens in the system browser.

/** Only web links leave for the system browser: file:, javascript:, custom schemes never do. */
export function isExternalWebUrl(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

export function isAppUrl(url: string, appOrigin: string): boolean {
  try {
    return new URL(url).origin === appOrigin;
  } catch {
    return false;
  }
}

/** The part of Electron's WebContents that the policy hooks into; tests pass a stand-in. */
export interface NavigableContents {
  on(event: 'will-navigate', listener: (event: { url: string; preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void;
}

/**
 * In-window navigation stays on `appOrigin`; a new window (target=_blank, window.open) is allowed only for the
 * app's own pages (it inherits the sandboxed preferences and this policy). Everything else is handed to
 * `openExternal` when it is a web link, and dropped otherwise.
 */
export function lockToAppOrigin(contents: NavigableContents, appOrigin: string, openExternal: (url: string) => void): void {
  const leave = (url: string) => {
    if (isExternalWebUrl(url)) openExternal(url);
  };
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url, appOrigin)) return;
    event.preventDefault();
    leave(event.url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAppUrl(url, appOrigin)) return { action: 'allow' };
    leave(url);
    return { action: 'deny' };
  });
}
