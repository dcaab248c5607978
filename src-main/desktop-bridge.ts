// What the preload exposes to the renderer as `window.practiceDesktop`, and the IPC channels behind it.
import type { KeychainStatus } from './encryption-key.js';

export const BRIDGE_CHANNELS = {
  openExternal: 'practice:open-external',
  lanUrls: 'practice:lan-urls',
  keychainStatus: 'practice:keychain-status',
  portNotice: 'practice:port-notice',
  saveRecoveryKey: 'practice:save-recovery-key',
} as const;

/** `window.practiceDesktop` in the renderer; absent in a plain browser (a phone on the LAN). */
export interface PracticeDesktop {
  version: string;
  /** Opens an http(s) link in the system browser (a Jitsi room); other schemes are refused. */
  openExternal(url: string): Promise<void>;
  /** The URLs under which phones and tablets on the practice's network reach this app. */
  lanUrls(): Promise<string[]>;
  /** Whether the encryption key is protected by the OS keychain, with the warning to show when it is not. */
  keychainStatus(): Promise<KeychainStatus>;
  /** Set when the app could not take its configured port and runs on another one. */
  portNotice(): Promise<string | null>;
  /** Asks where to save the recovery key (a file dialog of the main process; the key never reaches the page). True once saved. */
  saveRecoveryKey(): Promise<boolean>;
}
