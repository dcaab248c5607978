// The main-process side of `window.practiceDesktop`: answers only the app's own pages, and opens only web links.
import { BRIDGE_CHANNELS, type KeychainStatus } from './desktop-bridge.js';
import { isAppUrl, isExternalWebUrl } from './navigation-policy.js';

/** An IPC call's sender, as Electron's IpcMainInvokeEvent gives it. */
export interface BridgeCall {
  senderFrame: { url: string } | null;
}

/** The part of Electron's ipcMain used here; tests pass a stand-in. */
export interface BridgeHost {
  handle(channel: string, listener: (call: BridgeCall, ...args: unknown[]) => unknown): void;
}

export interface BridgeServices {
  appOrigin: string;
  openExternal(url: string): Promise<void>;
  lanUrls(): string[];
  keychain: KeychainStatus;
  portNotice: string | null;
  saveRecoveryKey(): Promise<boolean>;
  setupSecret(): string | null;
}

export function registerBridge(host: BridgeHost, services: BridgeServices): void {
  const answer = (channel: string, reply: (...args: unknown[]) => unknown) =>
    host.handle(channel, (call, ...args) => {
      // A page from elsewhere (should one ever load) gets nothing from the main process.
      if (!call.senderFrame || !isAppUrl(call.senderFrame.url, services.appOrigin)) throw new Error('Not the practice app');
      return reply(...args);
    });
  answer(BRIDGE_CHANNELS.openExternal, (url) => {
    if (typeof url !== 'string' || !isExternalWebUrl(url)) throw new Error('Only http and https links open in the browser');
    return services.openExternal(url);
  });
  answer(BRIDGE_CHANNELS.lanUrls, () => services.lanUrls());
  answer(BRIDGE_CHANNELS.keychainStatus, () => services.keychain);
  answer(BRIDGE_CHANNELS.portNotice, () => services.portNotice);
  answer(BRIDGE_CHANNELS.saveRecoveryKey, () => services.saveRecoveryKey());
  answer(BRIDGE_CHANNELS.setupSecret, () => services.setupSecret());
}
