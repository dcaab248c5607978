import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BlindIndex } from '../../../src-server/crypto/blind-index.js';
import { FieldCipher } from '../../../src-server/crypto/field-cipher.js';
import { KEY_FILE_NAME, KeyError, loadOrCreateKeyFile, parseEncryptionKey } from '../../../src-server/crypto/keys.js';
import { tempDataDir } from '../../helpers/test-server.js';

describe('field encryption', () => {
  const key = randomBytes(32);

  it('round-trips text and never shows the plaintext', () => {
    const cipher = new FieldCipher([key]);
    const sealed = cipher.encrypt('Ada Lovelace — anxiety 😟', 'appointments.reason');
    expect(sealed).not.toContain('Ada');
    expect(cipher.decrypt(sealed, 'appointments.reason')).toBe('Ada Lovelace — anxiety 😟');
  });

  it('uses a fresh nonce for every value', () => {
    const cipher = new FieldCipher([key]);
    expect(cipher.encrypt('same', 'users.email')).not.toBe(cipher.encrypt('same', 'users.email'));
  });

  it('refuses a tampered value or one moved to another column', () => {
    const cipher = new FieldCipher([key]);
    const sealed = cipher.encrypt('secret', 'users.email');
    const tampered = sealed.slice(0, -3) + (sealed.endsWith('A') ? 'BBB' : 'AAA');
    expect(() => cipher.decrypt(tampered, 'users.email')).toThrow();
    expect(() => cipher.decrypt(sealed, 'users.first_name')).toThrow();
  });

  it('decrypts values of an older key after rotation and marks them for re-encryption', () => {
    const old = new FieldCipher([key]);
    const sealed = old.encrypt('kept', 'users.email');
    const rotated = new FieldCipher([randomBytes(32), key]);
    expect(rotated.decrypt(sealed, 'users.email')).toBe('kept');
    expect(rotated.needsRotation(sealed)).toBe(true);
    expect(rotated.needsRotation(rotated.encrypt('new', 'users.email'))).toBe(false);
  });

  it('gives equal, case-insensitive blind indexes per purpose and different ones across purposes and keys', () => {
    const index = new BlindIndex(key);
    expect(index.of(' Ada@Example.com ', 'users.email')).toBe(index.of('ada@example.com', 'users.email'));
    expect(index.of('ada@example.com', 'users.email')).not.toBe(index.of('ada@example.com', 'appointments.email'));
    expect(new BlindIndex(randomBytes(32)).of('ada@example.com', 'users.email')).not.toBe(index.of('ada@example.com', 'users.email'));
  });
});

describe('the key file in the data directory', () => {
  it('is created once with mode 0600 and read back the same', () => {
    const dir = tempDataDir();
    const first = loadOrCreateKeyFile(dir);
    expect(fs.statSync(path.join(dir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    expect(loadOrCreateKeyFile(dir)[0].equals(first[0])).toBe(true);
    fs.rmSync(dir, { recursive: true });
  });

  it('is refused when other users can read it', () => {
    const dir = tempDataDir();
    loadOrCreateKeyFile(dir);
    fs.chmodSync(path.join(dir, KEY_FILE_NAME), 0o644);
    expect(() => loadOrCreateKeyFile(dir)).toThrow(/chmod 600/);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('the crypto layer', () => {
  it('parses a key itself and says in one line what is wrong with a bad one', () => {
    const key = randomBytes(32);
    expect(parseEncryptionKey(` ${key.toString('base64')}\n`).equals(key)).toBe(true);
    expect(() => parseEncryptionKey('c2hvcnQ=', 'the key file line 2')).toThrow(KeyError);
    expect(() => parseEncryptionKey('c2hvcnQ=', 'the key file line 2')).toThrow(
      /^the key file line 2 must be the base64 of exactly 32 bytes \(openssl rand -base64 32\)$/,
    );
  });

  it('imports nothing but Node and its own modules (it is the lowest layer)', () => {
    const dir = path.resolve(import.meta.dirname, '../../../src-server/crypto');
    for (const file of fs.readdirSync(dir)) {
      const imports = [...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/from '([^']+)'/g)].map((match) => match[1]);
      expect(
        imports.filter((source) => !source.startsWith('node:') && !/^\.\/[\w-]+\.js$/.test(source)),
        file,
      ).toEqual([]);
    }
  });
});
