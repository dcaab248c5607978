// `npm run rotate-key` (server stopped): a new encryption key for every stored value, email index and token, old key dropped.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KEYCHAIN_KEY_FILE_NAME } from '../src-main/encryption-key.js';
import { ConfigError, loadConfig, readKeys } from '../src-server/config.js';
import { FieldCipher } from '../src-server/crypto/field-cipher.js';
import { KEY_FILE_NAME, keyId, readKeyFile, writeKeyFile } from '../src-server/crypto/keys.js';
import { openDatabase } from '../src-server/db/database.js';
import { indexKeyOf } from '../src-server/db/index-key.js';
import { rotateEncryptionKey } from '../src-server/key-rotation.js';

async function main(): Promise<number> {
  const config = loadConfig();
  const keyFile = path.join(config.dataDir, KEY_FILE_NAME);
  const environmentKey = config.encryptionKey;
  if (!environmentKey && fs.existsSync(path.join(config.dataDir, KEYCHAIN_KEY_FILE_NAME))) {
    throw new ConfigError(
      `The desktop app keeps this practice's key in the OS keychain, which only the app can open. Save the recovery key ` +
        `(File → Save Recovery Key…) as ${keyFile}, quit the app, delete ${path.join(config.dataDir, KEYCHAIN_KEY_FILE_NAME)} and run this again; ` +
        'the app moves the new key into the keychain at its next start.',
    );
  }
  const oldKeys = environmentKey ? [environmentKey] : readKeys(() => readKeyFile(config.dataDir));
  const newKey = randomBytes(32);

  const db = await openDatabase(config.databaseUrl, new FieldCipher(oldKeys));
  let summary;
  try {
    // Refuses keys that did not make this database, before anything changes.
    await indexKeyOf(db, oldKeys);
    // Stored before the transaction beside the old keys: whether it commits or not, the file opens the database.
    if (!environmentKey) writeKeyFile(config.dataDir, [newKey, ...oldKeys]);
    summary = await rotateEncryptionKey(db, oldKeys, newKey);
  } finally {
    await db.close();
  }
  const done =
    `Rotated the encryption key to ${keyId(newKey)}: ${summary.valuesReencrypted} values re-encrypted, ${summary.indexesRecomputed} email indexes ` +
    're-computed; everyone signs in again and pending codes must be requested again.';
  const backups = `Backups made before now can only be read with the old key (${oldKeys.map(keyId).join(', ')}): keep it with them, apart from this computer.`;
  if (environmentKey) {
    console.log(
      `${done}\nThe old key no longer opens the database. Start the server with this ENCRYPTION_KEY:\n\nENCRYPTION_KEY=${newKey.toString('base64')}\n\n${backups}`,
    );
  } else {
    writeKeyFile(config.dataDir, [newKey]);
    console.log(`${done}\n${keyFile} now holds only the new key: back it up apart from the database.\n${backups}`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
    else console.error(`rotate-key failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
