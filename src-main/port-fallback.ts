// Starts on the configured port (8000), or on a free one with a clear notice when another program already holds it.
import net from 'node:net';
import type { ServerConfig } from '../src-server/config.js';

export interface PortChoice<T> {
  server: T;
  /** Shown in the app and the log when the server could not take its configured port; null when it did. */
  notice: string | null;
}

export function isPortFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

export async function startWithPortFallback<T extends { port: number }>(
  config: ServerConfig,
  start: (config: ServerConfig) => Promise<T>,
): Promise<PortChoice<T>> {
  try {
    return { server: await start(config), notice: null };
  } catch (error) {
    if (config.port === 0 || (await isPortFree(config.port, config.host))) throw error;
    const server = await start({ ...config, port: 0 });
    return {
      server,
      notice:
        `Port ${config.port} is in use by another program, so the practice runs on port ${server.port} for now. ` +
        'Addresses saved on phones and tablets will not work until the app gets its port back: close the other program, or set PORT to a free port.',
    };
  }
}
