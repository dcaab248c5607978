import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdQuitUntilStopped, startDesktopServer, type DesktopServer } from '../../src-main/desktop-server.js';
import type { SafeStorageLike } from '../../src-main/encryption-key.js';
import { isPortFree } from '../../src-main/port-fallback.js';
import { createLogger } from '../../src-server/logger.js';
import { tempDataDir } from '../helpers/test-server.js';

const keychain: SafeStorageLike = {
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from(text).reverse(),
  decryptString: (data) => Buffer.from(data).reverse().toString(),
  getSelectedStorageBackend: () => 'gnome_libsecret',
};

const therapist = { email: 'ruth@practice.example', password: 'violet-harbour-1987-lantern', password2: 'violet-harbour-1987-lantern' };

let userDataDir: string;
let blocker: net.Server;
let blockedPort: number;

beforeAll(async () => {
  userDataDir = tempDataDir();
  // Another program holding the port the app is configured for.
  blocker = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => blocker.once('listening', resolve));
  blockedPort = (blocker.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => blocker.close(resolve));
  fs.rmSync(userDataDir, { recursive: true, force: true });
});

function start(port: number): Promise<DesktopServer> {
  return startDesktopServer({
    env: { PORT: String(port), HOST: '127.0.0.1', PASSWORD_HASH_COST: '1024', BACKUP_KEEP: '0' },
    userDataDir,
    safeStorage: keychain,
    platform: 'linux',
    staticDir: path.join(userDataDir, 'no-renderer'),
    logger: createLogger('silent'),
  });
}

function origin(desktop: DesktopServer): string {
  return new URL(desktop.server.url).origin;
}

/** Runs the before-quit handler as Electron would, and resolves with the exit code. */
function quit(desktop: DesktopServer): Promise<{ code: number; prevented: number }> {
  return new Promise((resolve) => {
    let prevented = 0;
    const onQuit = holdQuitUntilStopped(
      () => desktop.server.stop(),
      (code) => resolve({ code, prevented }),
      createLogger('silent'),
    );
    const event = { preventDefault: () => void prevented++ };
    onQuit(event);
    onQuit(event);
  });
}

describe('the desktop server', () => {
  it('keeps its data under the user data folder, with the key in the keychain', async () => {
    const desktop = await start(0);
    try {
      expect(desktop.config.dataDir).toBe(path.join(userDataDir, 'data'));
      expect(fs.existsSync(path.join(userDataDir, 'data', 'practice.db'))).toBe(true);
      expect(desktop.keychain.protection).toBe('keychain');
      expect(desktop.portNotice).toBeNull();
      const setup = await supertest(origin(desktop))
        .post('/api/setup/')
        .send({ ...therapist, setup_secret: desktop.server.setupSecret() });
      expect(setup.status).toBe(201);
    } finally {
      await quit(desktop);
    }
  });

  it('falls back to a free port with a clear notice when its port is taken', async () => {
    const desktop = await start(blockedPort);
    try {
      expect(desktop.server.port).not.toBe(blockedPort);
      expect(desktop.portNotice).toMatch(
        new RegExp(`Port ${blockedPort} is in use by another program, so the practice runs on port ${desktop.server.port}`),
      );
      // The same database and key as before: the therapist set up in the first run is still there.
      expect((await supertest(origin(desktop)).get('/api/setup/')).body.needs_setup).toBe(false);
    } finally {
      await quit(desktop);
    }
  });

  it('on quit, finishes the request in flight, closes the database and then exits once', async () => {
    const desktop = await start(0);
    const inFlight = supertest(origin(desktop))
      .get('/api/setup/')
      .then((res) => res.status);
    await new Promise((resolve) => desktop.server.http.once('request', resolve));
    const { code, prevented } = await quit(desktop);
    expect(await inFlight).toBe(200);
    expect(code).toBe(0);
    expect(prevented).toBe(2);
    expect(desktop.server.http.listening).toBe(false);
    await expect(desktop.server.core.db.sequelize.query('SELECT 1')).rejects.toThrow();
    expect(await isPortFree(desktop.server.port, '127.0.0.1')).toBe(true);
  });
});
