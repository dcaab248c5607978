// Stands in for Electron's safeStorage: a reversible wrapping that is visibly not the plain text.
import type { SafeStorageLike } from '../../src-main/encryption-key.js';

export function keychain(backend: string, available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from(`wrapped:${Buffer.from(text).toString('hex')}`),
    decryptString: (data) => Buffer.from(data.toString().replace(/^wrapped:/, ''), 'hex').toString(),
    getSelectedStorageBackend: () => backend,
  };
}
