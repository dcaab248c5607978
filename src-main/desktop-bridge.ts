// What the preload exposes to the renderer as `window.practiceDesktop`, and the IPC channels behind it (no imports:
// the renderer may import its types).

/**
 * Where the key lives: `keychain` (wrapped by the OS keychain), `environment` (ENCRYPTION_KEY), or `file`
 * (the headless server's 0600 key file in the data directory, used only where no real keychain exists).
 */
export type KeyProtection = 'keychain' | 'environment' | 'file';

export interface KeychainStatus {
  protection: KeyProtection;
  /** safeStorage's backend on Linux (e.g. 'basic_text'), the platform's keychain name elsewhere. */
  backend: string;
  /** A sentence the app shows and logs when the key is not protected by a keychain; null when it is. */
  warning: string | null;
}

export const BRIDGE_CHANNELS = {
  openExternal: 'practice:open-external',
  lanUrls: 'practice:lan-urls',
  keychainStatus: 'practice:keychain-status',
  portNotice: 'practice:port-notice',
  saveRecoveryKey: 'practice:save-recovery-key',
  setupSecret: 'practice:setup-secret',
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
  /**
   * First-run setup's one-time secret while setup is open (null afterwards): the setup screen sends it without
   * asking, since whoever sees this window sits at the practice computer.
   */
  setupSecret(): Promise<string | null>;
}
