// The master encryption key: from ENCRYPTION_KEY / the desktop keychain, or a 0600 key file in the data directory.
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const KEY_FILE_NAME = 'encryption.key';

/** A key that is missing, malformed or unsafely stored; config and start-up report it as a configuration error. */
export class KeyError extends Error {
  override name = 'KeyError';
}

/** @param source names where the key came from, so that the one-line message says what to fix. */
export function parseEncryptionKey(raw: string, source = 'ENCRYPTION_KEY'): Buffer {
  const key = Buffer.from(raw.trim(), 'base64');
  if (key.length !== 32 || key.toString('base64') !== raw.trim()) {
    throw new KeyError(`${source} must be the base64 of exactly 32 bytes (openssl rand -base64 32)`);
  }
  return key;
}

/**
 * Reads the key file (one base64 key per line: the first encrypts new values, later ones only decrypt older values),
 * creating it with a fresh key and mode 0600 on first start.
 */
export function loadOrCreateKeyFile(dataDir: string): Buffer[] {
  const file = path.join(dataDir, KEY_FILE_NAME);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readKeyFile(dataDir);
}

/** The keys of an existing key file, current first; a missing, unsafe or malformed file is a KeyError. */
export function readKeyFile(dataDir: string): Buffer[] {
  const file = path.join(dataDir, KEY_FILE_NAME);
  if (!fs.existsSync(file)) throw new KeyError(`${file} does not exist`);
  if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) {
    throw new KeyError(`${file} is readable by other users: run chmod 600 on it`);
  }
  const keys = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, index) => parseEncryptionKey(line, `${file} line ${index + 1}`));
  if (keys.length === 0) throw new KeyError(`${file} holds no key`);
  return keys;
}

/** Replaces the key file with `keys` (current first), mode 0600: written beside it and renamed, so it is never half-written. */
export function writeKeyFile(dataDir: string, keys: Buffer[]): void {
  const file = path.join(dataDir, KEY_FILE_NAME);
  const partial = `${file}.partial`;
  const handle = fs.openSync(partial, 'w', 0o600);
  try {
    fs.writeFileSync(handle, keys.map((key) => `${key.toString('base64')}\n`).join(''));
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  fs.chmodSync(partial, 0o600);
  fs.renameSync(partial, file);
}

/** A purpose-bound subkey, so one master key never serves two algorithms. */
export function deriveKey(master: Buffer, purpose: 'field-encryption' | 'blind-index' | 'token-signing'): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `practice-app/${purpose}`, 32));
}

/** A short public id of a key, stored beside each ciphertext so that old values name the key they need. */
export function keyId(master: Buffer): string {
  return createHmac('sha256', master).update('practice-app/key-id').digest('hex').slice(0, 8);
}
