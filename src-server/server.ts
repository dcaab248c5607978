// The one factory that owns a server's whole life: keys, database, migrations, mail worker, HTTP listener, clean stop.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { ConfigError, type ServerConfig } from './config.js';
import type { ServerCore } from './core.js';
import { startBackups } from './db/backup.js';
import { committedWriteVersion } from './db/write-version.js';
import { expressMessages } from './http/express-messages.js';
import { ResponseReplay } from './http/response-replay.js';
import { lanUrls } from './lan-addresses.js';
import { DEFAULT_DELIVERY, DeliveryWorker, type DeliveryOptions } from './mail/delivery-worker.js';
import { openCore, type CoreOptions } from './open-core.js';
import { PracticeSetup } from './setup/service.js';
import { announceSetupSecret, SetupSecret } from './setup/setup-secret.js';
import { readTlsFiles } from './tls-files.js';

export interface StartOptions extends CoreOptions {
  config: ServerConfig;
  staticDir?: string;
  delivery?: Partial<DeliveryOptions>;
  /** How long in-flight requests may take to finish on stop. */
  shutdownGraceMs?: number;
}

export interface PracticeServer {
  /** The loopback URL of this server, e.g. http://127.0.0.1:8000/ (https:// with TLS_CERT_FILE/TLS_KEY_FILE) */
  url: string;
  port: number;
  core: ServerCore;
  http: http.Server | https.Server;
  lanUrls(): string[];
  /** First-run setup's one-time secret while setup is open (shown to the owner only: console, log, desktop window). */
  setupSecret(): string | null;
  /** How many answers were replayed without Express (http/response-replay.ts). */
  replayed(): number;
  /** Finishes in-flight requests, stops mail delivery (queued mail stays for next time), closes the database. */
  stop(): Promise<void>;
}

export async function startPracticeServer(options: StartOptions): Promise<PracticeServer> {
  const { config } = options;
  // Read before anything opens: a missing or wrong certificate stops start-up with one line.
  const credentials = config.tls ? readTlsFiles(config.tls) : null;
  const scheme = credentials ? 'https' : 'http';
  const core = await openCore(config, options);
  let port = config.port;
  const setupSecret = new SetupSecret();
  const app = createApp(core, { staticDir: options.staticDir, lanUrls: () => lanUrls(port, config.host, scheme), setupSecret });
  // Kept answers go out without Express, until any server's next committed write (db/write-version.ts).
  const replay = new ResponseReplay({ app, clock: core.clock, logger: core.logger, writeVersion: () => committedWriteVersion(core.db) });
  // With a certificate the same port speaks only HTTPS: LAN clients' passwords no longer cross the network in clear.
  // Requests and responses born with Express's prototypes (http/express-messages.ts): neither Express nor a replay
  // swaps them per request, which cost a replayed answer half its CPU time (44 → 25 µs).
  const messages = expressMessages(app);
  const server = credentials
    ? https.createServer({ ...credentials, ...messages }, replay.listener)
    : http.createServer(messages, replay.listener);
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  try {
    await listen(server, config.port, config.host);
  } catch (error) {
    await core.db.close();
    throw error;
  }
  port = (server.address() as AddressInfo).port;
  const worker = new DeliveryWorker(core.db, core.outbox, core.settings, core.clock, core.logger, {
    ...DEFAULT_DELIVERY,
    ...options.delivery,
  });
  let backups: ReturnType<typeof startBackups> = null;
  try {
    announceSetupSecret(setupSecret, await PracticeSetup.isNeeded(core), core.logger);
    await worker.start();
    backups = startBackups(core.db, core.clock, core.logger, config);
  } catch (error) {
    // A later step failed: give back the port and the database before reporting it, as if never started.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await worker.stop();
    await core.db.close();
    throw error;
  }

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), options.shutdownGraceMs ?? 10_000);
      await closed;
      clearTimeout(grace);
      await worker.stop();
      await backups?.stop();
      await core.db.close();
    })());

  const loopbackHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return {
    url: `${scheme}://${loopbackHost.includes(':') ? `[${loopbackHost}]` : loopbackHost}:${port}/`,
    port,
    core,
    http: server,
    lanUrls: () => lanUrls(port, config.host, scheme),
    setupSecret: () => setupSecret.current(),
    replayed: () => replay.served,
    stop,
  };
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE')
        reject(new ConfigError(`Port ${port} is already in use: set PORT to another port (0 picks a free one)`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
        reject(new ConfigError(`HOST ${host} is not an address of this machine`));
      else if (error.code === 'EACCES') reject(new ConfigError(`Port ${port} needs privileges: choose a PORT above 1023`));
      else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
