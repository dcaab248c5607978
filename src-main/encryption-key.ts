// The desktop's encryption key: kept in the OS keychain through Electron's safeStorage, never silently in plain text.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, readKeys } from '../src-server/config.js';
import { KEY_FILE_NAME, loadOrCreateKeyFile, parseEncryptionKey } from '../src-server/crypto/keys.js';
import type { KeychainStatus } from './desktop-bridge.js';

/** The key wrapped by the keychain: only safeStorage.encryptString(base64 key) is ever written here. */
export const KEYCHAIN_KEY_FILE_NAME = 'encryption-key.keychain';

/** The part of Electron's `safeStorage` this module uses; tests pass a stand-in. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'gnome_libsecret', 'kwallet5', … or 'basic_text' when no Secret Service is running. */
  getSelectedStorageBackend?(): string;
}

export interface KeyLookup {
  dataDir: string;
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  /** ENCRYPTION_KEY, already parsed by the server's config. */
  environmentKey?: Buffer;
}

export interface ObtainedKey {
  keys: Buffer[];
  status: KeychainStatus;
}

const PLATFORM_KEYCHAINS: Partial<Record<NodeJS.Platform, string>> = { darwin: 'macOS Keychain', win32: 'Windows DPAPI' };

/** safeStorage's Linux backends that only obfuscate with a hard-coded password: no keychain at all. */
const NOT_A_KEYCHAIN = new Set(['basic_text', 'unknown']);

function keychainBackend(safeStorage: SafeStorageLike, platform: NodeJS.Platform): { name: string; usable: boolean } {
  const name = platform === 'linux' ? (safeStorage.getSelectedStorageBackend?.() ?? 'unknown') : (PLATFORM_KEYCHAINS[platform] ?? platform);
  return { name, usable: safeStorage.isEncryptionAvailable() && !(platform === 'linux' && NOT_A_KEYCHAIN.has(name)) };
}

function fileWarning(dataDir: string, backend: string): string {
  return (
    `No OS keychain is available (safeStorage backend: ${backend}), so the encryption key is stored unencrypted in ` +
    `${path.join(dataDir, KEY_FILE_NAME)} (readable only by your user account). Anyone who can read your files can read ` +
    'the practice data. Install and unlock a Secret Service keyring (GNOME Keyring or KWallet): the app moves the key into it at the next start.'
  );
}

/**
 * Decides where the key comes from, in this order:
 * 1. ENCRYPTION_KEY in the environment;
 * 2. the keychain-wrapped key file, if one exists (a keychain that cannot open it now is an error, never a new key);
 * 3. the plain key file, if one exists: moved into the keychain when there is a real one now (see moveIntoKeychain),
 *    otherwise used as it is, with the warning;
 * 4. first run: a new random key, wrapped by the keychain when there is a real one; otherwise the plain 0600 key
 *    file of the headless server, with the warning in the app and the log.
 */
export function obtainEncryptionKey({ dataDir, safeStorage, platform, environmentKey }: KeyLookup): ObtainedKey {
  const backend = keychainBackend(safeStorage, platform);
  if (environmentKey) return { keys: [environmentKey], status: { protection: 'environment', backend: backend.name, warning: null } };

  const wrappedFile = path.join(dataDir, KEYCHAIN_KEY_FILE_NAME);
  if (fs.existsSync(wrappedFile)) {
    if (!backend.usable) {
      throw new ConfigError(
        `The encryption key is locked in the OS keychain, which is not available now (safeStorage backend: ${backend.name}). ` +
          'Unlock your keyring (or log in to the desktop session that has it) and start the app again.',
      );
    }
    const key = readKeys(() => parseEncryptionKey(safeStorage.decryptString(fs.readFileSync(wrappedFile)), wrappedFile));
    return { keys: [key], status: { protection: 'keychain', backend: backend.name, warning: null } };
  }

  const plainFile = path.join(dataDir, KEY_FILE_NAME);
  if (backend.usable && !fs.existsSync(plainFile)) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const key = randomBytes(32);
    fs.writeFileSync(wrappedFile, safeStorage.encryptString(key.toString('base64')), { mode: 0o600, flag: 'wx' });
    return { keys: [key], status: { protection: 'keychain', backend: backend.name, warning: null } };
  }
  const keys = readKeys(() => loadOrCreateKeyFile(dataDir));
  if (backend.usable && keys.length === 1) {
    moveIntoKeychain(keys[0], plainFile, wrappedFile, safeStorage);
    return { keys, status: { protection: 'keychain', backend: backend.name, warning: null } };
  }
  return { keys, status: { protection: 'file', backend: backend.name, warning: fileWarning(dataDir, backend.name) } };
}

/**
 * A plain key file next to a working keychain (a restored recovery key, or a keyring installed since the first
 * start) is moved into the keychain; the plain file is removed only once the wrapped copy reads back the same key.
 * A file with several keys (a rotation in progress) stays as it is.
 */
function moveIntoKeychain(key: Buffer, plainFile: string, wrappedFile: string, safeStorage: SafeStorageLike): void {
  fs.writeFileSync(wrappedFile, safeStorage.encryptString(key.toString('base64')), { mode: 0o600, flag: 'wx' });
  if (!parseEncryptionKey(safeStorage.decryptString(fs.readFileSync(wrappedFile)), wrappedFile).equals(key)) {
    fs.rmSync(wrappedFile);
    throw new ConfigError('The OS keychain did not give back the key it was given; the key file was left in place');
  }
  fs.rmSync(plainFile);
}

/**
 * Writes the keys, and nothing else, to a file the therapist keeps apart from the computer (a USB stick, a password
 * manager): placed as `encryption.key` in a data directory, it opens that installation's database and backups.
 * Every key in use goes in, current first, as in the key file: during a rotation by hand the older one still opens
 * older values and the email indexes.
 */
export function writeRecoveryKeyFile(file: string, keys: Buffer[]): void {
  fs.writeFileSync(file, keys.map((key) => `${key.toString('base64')}\n`).join(''), { mode: 0o600 });
}
