import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDesktopServer } from '../../src-main/desktop-server.js';
import { KEY_FILE_NAME, readKeyFile } from '../../src-server/crypto/keys.js';
import { createLogger } from '../../src-server/logger.js';
import { KEYCHAIN_KEY_FILE_NAME, obtainEncryptionKey, writeRecoveryKeyFile } from '../../src-main/encryption-key.js';
import { keychain } from '../helpers/keychain.js';
import { tempDataDir } from '../helpers/test-server.js';

const dirs: string[] = [];
function dataDir(): string {
  const dir = tempDataDir();
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the desktop encryption key', () => {
  it('is created on first run and stored only wrapped by the OS keychain', () => {
    const dir = dataDir();
    const first = obtainEncryptionKey({ dataDir: dir, safeStorage: keychain('gnome_libsecret'), platform: 'linux' });
    expect(first.status).toEqual({ protection: 'keychain', backend: 'gnome_libsecret', warning: null });
    expect(first.keys[0]).toHaveLength(32);
    const stored = fs.readFileSync(path.join(dir, KEYCHAIN_KEY_FILE_NAME));
    expect(stored.includes(first.keys[0].toString('base64'))).toBe(false);
    expect(fs.existsSync(path.join(dir, KEY_FILE_NAME))).toBe(false);
    expect(fs.statSync(path.join(dir, KEYCHAIN_KEY_FILE_NAME)).mode & 0o077).toBe(0);
  });

  it('is the same key on the next start', () => {
    const dir = dataDir();
    const first = obtainEncryptionKey({ dataDir: dir, safeStorage: keychain('kwallet5'), platform: 'linux' });
    const again = obtainEncryptionKey({ dataDir: dir, safeStorage: keychain('kwallet5'), platform: 'linux' });
    expect(again.keys[0].equals(first.keys[0])).toBe(true);
  });

  it('uses the macOS and Windows keychains without asking for a backend', () => {
    const mac = obtainEncryptionKey({
      dataDir: dataDir(),
      safeStorage: { ...keychain('unused'), getSelectedStorageBackend: undefined },
      platform: 'darwin',
    });
    expect(mac.status).toEqual({ protection: 'keychain', backend: 'macOS Keychain', warning: null });
    const windows = obtainEncryptionKey({ dataDir: dataDir(), safeStorage: keychain('unused'), platform: 'win32' });
    expect(windows.status.protection).toBe('keychain');
  });

  it("is never wrapped by Linux's basic_text backend, which is no keychain: the 0600 key file is used and the warning says so", () => {
    const dir = dataDir();
    const { keys, status } = obtainEncryptionKey({ dataDir: dir, safeStorage: keychain('basic_text'), platform: 'linux' });
    expect(status.protection).toBe('file');
    expect(status.warning).toMatch(/No OS keychain is available \(safeStorage backend: basic_text\)/);
    expect(status.warning).toContain(path.join(dir, KEY_FILE_NAME));
    expect(fs.existsSync(path.join(dir, KEYCHAIN_KEY_FILE_NAME))).toBe(false);
    expect(fs.readFileSync(path.join(dir, KEY_FILE_NAME), 'utf8').trim()).toBe(keys[0].toString('base64'));
  });

  it('moves a key file into the keychain once there is one, and keeps the same key', () => {
    const dir = dataDir();
    const first = obtainEncryptionKey({ dataDir: dir, safeStorage: keychain('basic_text'), platform: 'linux' });
    const later = obtainEncryptionKey({ dataDir: dir, safeStorage: keychain('gnome_libsecret'), platform: 'linux' });
    expect(later.keys[0].equals(first.keys[0])).toBe(true);
    expect(later.status).toEqual({ protection: 'keychain', backend: 'gnome_libsecret', warning: null });
    expect(fs.existsSync(path.join(dir, KEY_FILE_NAME))).toBe(false);
    const next = obtainEncryptionKey({ dataDir: dir, safeStorage: keychain('gnome_libsecret'), platform: 'linux' });
    expect(next.keys[0].equals(first.keys[0])).toBe(true);
  });

  it('leaves a key file with several keys (a rotation) as it is, still warning', () => {
    const dir = dataDir();
    fs.writeFileSync(
      path.join(dir, KEY_FILE_NAME),
      `${Buffer.alloc(32, 1).toString('base64')}\n${Buffer.alloc(32, 2).toString('base64')}\n`,
      { mode: 0o600 },
    );
    const { keys, status } = obtainEncryptionKey({ dataDir: dir, safeStorage: keychain('gnome_libsecret'), platform: 'linux' });
    expect(keys).toHaveLength(2);
    expect(status.protection).toBe('file');
    expect(status.warning).not.toBeNull();
  });

  it('is restored on another computer from the saved recovery key', () => {
    const original = obtainEncryptionKey({ dataDir: dataDir(), safeStorage: keychain('kwallet5'), platform: 'linux' });
    const newComputer = dataDir();
    writeRecoveryKeyFile(path.join(newComputer, KEY_FILE_NAME), original.keys);
    const restored = obtainEncryptionKey({ dataDir: newComputer, safeStorage: keychain('gnome_libsecret'), platform: 'linux' });
    expect(restored.keys[0].equals(original.keys[0])).toBe(true);
    expect(restored.status.protection).toBe('keychain');
  });

  it('saved while the key file holds a new key above the old one, carries both: the data still opens with it', async () => {
    const userDataDir = dataDir();
    const folder = path.join(userDataDir, 'data');
    fs.mkdirSync(folder, { mode: 0o700 });
    const [newKey, oldKey] = [Buffer.alloc(32, 3), Buffer.alloc(32, 4)];
    fs.writeFileSync(path.join(folder, KEY_FILE_NAME), `${newKey.toString('base64')}\n${oldKey.toString('base64')}\n`, { mode: 0o600 });
    const desktop = await startDesktopServer({
      env: { PORT: '0', HOST: '127.0.0.1', PASSWORD_HASH_COST: '1024', BACKUP_KEEP: '0' },
      userDataDir,
      safeStorage: keychain('basic_text'),
      platform: 'linux',
      staticDir: path.join(userDataDir, 'no-renderer'),
      logger: createLogger('silent'),
    });
    const elsewhere = dataDir();
    desktop.saveRecoveryKey(path.join(elsewhere, KEY_FILE_NAME));
    await desktop.server.stop();
    expect(readKeyFile(elsewhere)).toEqual([newKey, oldKey]);
  });

  it('refuses to start, rather than make a new key, when the keychain that holds it is not available', () => {
    const dir = dataDir();
    obtainEncryptionKey({ dataDir: dir, safeStorage: keychain('gnome_libsecret'), platform: 'linux' });
    expect(() => obtainEncryptionKey({ dataDir: dir, safeStorage: keychain('basic_text'), platform: 'linux' })).toThrow(
      /locked in the OS keychain/,
    );
    expect(() => obtainEncryptionKey({ dataDir: dir, safeStorage: keychain('gnome_libsecret', false), platform: 'linux' })).toThrow(
      /not available now/,
    );
    expect(fs.existsSync(path.join(dir, KEY_FILE_NAME))).toBe(false);
  });

  it('comes from ENCRYPTION_KEY when that is set, touching no file', () => {
    const dir = dataDir();
    const environmentKey = Buffer.alloc(32, 7);
    const { keys, status } = obtainEncryptionKey({ dataDir: dir, safeStorage: keychain('basic_text'), platform: 'linux', environmentKey });
    expect(keys).toEqual([environmentKey]);
    expect(status).toEqual({ protection: 'environment', backend: 'basic_text', warning: null });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
