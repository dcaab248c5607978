import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS } from '../../src-main/desktop-bridge.js';
import { registerBridge, type BridgeCall } from '../../src-main/bridge-handlers.js';
import { lockToAppOrigin, type NavigableContents } from '../../src-main/navigation-policy.js';

const APP = 'http://127.0.0.1:8000';

/** A window's contents as far as the policy sees them: navigation events and the window-open handler. */
class FakeContents extends EventEmitter implements NavigableContents {
  openHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.openHandler = handler;
  }

  /** Returns whether the navigation went ahead in the window. */
  navigate(url: string): boolean {
    let prevented = false;
    this.emit('will-navigate', { url, preventDefault: () => (prevented = true) });
    return !prevented;
  }
}

function lockedWindow() {
  const contents = new FakeContents();
  const systemBrowser: string[] = [];
  lockToAppOrigin(contents, APP, (url) => systemBrowser.push(url));
  return { contents, systemBrowser };
}

describe('navigation policy', () => {
  it("keeps the app's own pages in the window", () => {
    const { contents, systemBrowser } = lockedWindow();
    expect(contents.navigate(`${APP}/admin/appointments`)).toBe(true);
    expect(contents.openHandler!({ url: `${APP}/client/book` })).toEqual({ action: 'allow' });
    expect(systemBrowser).toEqual([]);
  });

  it('sends an external link (a Jitsi room) to the system browser instead of the window', () => {
    const { contents, systemBrowser } = lockedWindow();
    expect(contents.navigate('https://meet.jit.si/room-4f2a')).toBe(false);
    expect(contents.openHandler!({ url: 'https://example.org/help' })).toEqual({ action: 'deny' });
    expect(systemBrowser).toEqual(['https://meet.jit.si/room-4f2a', 'https://example.org/help']);
  });

  it('treats another port or host of this machine as external', () => {
    const { contents, systemBrowser } = lockedWindow();
    expect(contents.navigate('http://127.0.0.1:9999/')).toBe(false);
    expect(contents.navigate('http://localhost:8000/')).toBe(false);
    expect(systemBrowser).toHaveLength(2);
  });

  it('opens nothing at all for file:, javascript: or custom-scheme links', () => {
    const { contents, systemBrowser } = lockedWindow();
    expect(contents.navigate('file:///etc/passwd')).toBe(false);
    expect(contents.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(contents.navigate('smb://server/share')).toBe(false);
    expect(systemBrowser).toEqual([]);
  });
});

describe('the desktop bridge', () => {
  function bridge() {
    const handlers = new Map<string, (call: BridgeCall, ...args: unknown[]) => unknown>();
    const opened: string[] = [];
    registerBridge(
      { handle: (channel, listener) => handlers.set(channel, listener) },
      {
        appOrigin: APP,
        openExternal: async (url) => void opened.push(url),
        lanUrls: () => ['http://192.168.1.20:8000/'],
        keychain: { protection: 'keychain', backend: 'gnome_libsecret', warning: null },
        portNotice: null,
        saveRecoveryKey: async () => true,
        setupSecret: () => '7KQ4-M2XD-9RTW-H3NB',
      },
    );
    const call = (channel: string, from: string, ...args: unknown[]) => handlers.get(channel)!({ senderFrame: { url: from } }, ...args);
    return { call, opened };
  }

  it('opens web links from the app in the system browser, and nothing else', async () => {
    const { call, opened } = bridge();
    await call(BRIDGE_CHANNELS.openExternal, `${APP}/admin`, 'https://meet.jit.si/room-4f2a');
    expect(() => call(BRIDGE_CHANNELS.openExternal, `${APP}/admin`, 'file:///etc/passwd')).toThrow(/Only http and https/);
    expect(opened).toEqual(['https://meet.jit.si/room-4f2a']);
  });

  it('answers the app with LAN URLs and keychain status, and a foreign page with nothing', () => {
    const { call } = bridge();
    expect(call(BRIDGE_CHANNELS.lanUrls, `${APP}/admin/settings`)).toEqual(['http://192.168.1.20:8000/']);
    expect(call(BRIDGE_CHANNELS.keychainStatus, `${APP}/`)).toMatchObject({ protection: 'keychain' });
    expect(() => call(BRIDGE_CHANNELS.lanUrls, 'https://evil.example/')).toThrow(/Not the practice app/);
  });

  it("hands the setup secret to the app's own setup screen, and to no other page", () => {
    const { call } = bridge();
    expect(call(BRIDGE_CHANNELS.setupSecret, `${APP}/setup`)).toBe('7KQ4-M2XD-9RTW-H3NB');
    expect(() => call(BRIDGE_CHANNELS.setupSecret, 'http://localhost:8000/setup')).toThrow(/Not the practice app/);
  });
});
