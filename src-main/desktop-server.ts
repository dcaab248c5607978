// The practice server as the desktop app runs it: data directory, keychain key, port fallback, and one clean stop.
import type { ServerConfig } from '../src-server/config.js';
import type { Logger } from '../src-server/logger.js';
import { startPracticeServer, type PracticeServer } from '../src-server/server.js';
import { desktopConfig } from './data-dir.js';
import type { KeychainStatus } from './desktop-bridge.js';
import { obtainEncryptionKey, writeRecoveryKeyFile, type SafeStorageLike } from './encryption-key.js';
import { startWithPortFallback } from './port-fallback.js';

export interface DesktopServerOptions {
  env: Record<string, string | undefined>;
  /** Electron's app.getPath('userData'). */
  userDataDir: string;
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  /** The built renderer, served at `/`. */
  staticDir: string;
  logger: Logger;
}

export interface DesktopServer {
  server: PracticeServer;
  config: ServerConfig;
  keychain: KeychainStatus;
  /** Set when the configured port was taken and another one is used. */
  portNotice: string | null;
  /** Writes the encryption key to a file the therapist chose, to restore this practice on another computer. */
  saveRecoveryKey(file: string): void;
}

export async function startDesktopServer(options: DesktopServerOptions): Promise<DesktopServer> {
  const { logger } = options;
  const config = desktopConfig(options.env, options.userDataDir);
  const { keys, status: keychain } = obtainEncryptionKey({
    dataDir: config.dataDir,
    safeStorage: options.safeStorage,
    platform: options.platform,
    environmentKey: config.encryptionKey,
  });
  if (keychain.warning) logger.warn({ backend: keychain.backend }, keychain.warning);
  else logger.info({ protection: keychain.protection, backend: keychain.backend }, 'encryption key loaded');

  const { server, notice } = await startWithPortFallback(config, (attempt) =>
    startPracticeServer({ config: attempt, encryptionKeys: keys, staticDir: options.staticDir, logger }),
  );
  if (notice) logger.warn({ port: server.port }, notice);
  logger.info({ url: server.url, dataDir: config.dataDir }, 'practice server started');
  return { server, config, keychain, portNotice: notice, saveRecoveryKey: (file) => writeRecoveryKeyFile(file, keys) };
}

/** Electron's before-quit: holds the quit until the server has stopped (requests finished, database closed), then exits. */
export function holdQuitUntilStopped(
  stop: () => Promise<void>,
  exit: (code: number) => void,
  logger: Logger,
): (event: { preventDefault(): void }) => void {
  let stopping = false;
  return (event) => {
    event.preventDefault();
    if (stopping) return;
    stopping = true;
    stop().then(
      () => exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'the server did not stop cleanly');
        exit(1);
      },
    );
  };
}
