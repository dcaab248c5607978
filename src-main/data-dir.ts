// Where the desktop app keeps its data (under the OS's per-user app folder), and the server configuration that follows.
import path from 'node:path';
import { loadConfig, type ServerConfig } from '../src-server/config.js';

export const DATA_DIR_NAME = 'data';

/**
 * The same environment table as the headless server, except that DATA_DIR defaults to `<userData>/data`
 * (Electron's app.getPath('userData')), so the database, backups and key never land in the working directory.
 */
export function desktopConfig(env: Record<string, string | undefined>, userDataDir: string): ServerConfig {
  return loadConfig({ ...env, DATA_DIR: env.DATA_DIR?.trim() || path.join(userDataDir, DATA_DIR_NAME) }, userDataDir);
}
