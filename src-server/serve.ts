// `npm run serve`: the headless server, configured by the environment, stopped cleanly by SIGTERM or SIGINT.
// Production runs the build of this file (out/main/serve.js, see electron.vite.config.ts); tests may run it from source.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config.js';
import { keepYoungGenerationSmall } from './young-generation.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The built pages: beside the build (out/main/../renderer), or under out/ when run from source (src-server/). */
const rendererDir =
  [path.resolve(here, '../renderer'), path.resolve(here, '../out/renderer')].find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ??
  path.resolve(here, '../out/renderer');

async function main(): Promise<void> {
  keepYoungGenerationSmall();
  // Loaded only now, so that the young generation stays small while its modules load.
  const { startPracticeServer } = await import('./server.js');
  const config = loadConfig();
  const server = await startPracticeServer({ config, staticDir: rendererDir });
  console.log(`Practice server listening on ${server.url}`);
  for (const url of server.lanUrls()) console.log(`  on the network: ${url}`);
  if (!config.tls && server.lanUrls().length > 0) {
    console.log('  (plain http: devices on the network send passwords in clear; set TLS_CERT_FILE and TLS_KEY_FILE for https)');
  }
  console.log(`  data directory: ${config.dataDir}`);
  const setupSecret = server.setupSecret();
  if (setupSecret) {
    console.log(`\nFirst run: open ${server.url}setup on this computer and enter the setup secret ${setupSecret}`);
    console.log("  (it works once, until the therapist's account exists; `npm run create-admin` does not need it)");
  }

  const shutdown = (signal: string) => {
    console.log(`${signal} received, finishing requests and closing the database…`);
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else console.error(`The server could not start: ${(error as Error).message}`);
  process.exit(1);
});
