// Opens everything a server (or the create-admin command) stands on: keys, database with migrations, settings, outbox.
import fs from 'node:fs';
import { BlindIndex } from './crypto/blind-index.js';
import { FieldCipher } from './crypto/field-cipher.js';
import { loadOrCreateKeyFile } from './crypto/keys.js';
import { systemClock, type Clock } from './clock.js';
import { readKeys, type ServerConfig } from './config.js';
import type { ServerCore } from './core.js';
import { openDatabase } from './db/database.js';
import { indexKeyOf } from './db/index-key.js';
import { createLogger, type Logger } from './logger.js';
import { Outbox } from './mail/outbox.js';
import { PracticeSettings } from './settings/practice-settings.js';
import { readSettingOverrides } from './settings/setting-rules.js';
import { TokenSigner } from './auth/tokens.js';

export interface CoreOptions {
  /** Keys from the desktop keychain, current first; otherwise ENCRYPTION_KEY or the data directory's key file. */
  encryptionKeys?: Buffer[];
  clock?: Clock;
  logger?: Logger;
}

export async function openCore(config: ServerConfig, options: CoreOptions = {}): Promise<ServerCore> {
  // A wrong PRACTICE_TIMEZONE, SMTP_URL… stops start-up with one line, before anything is opened.
  const settingOverrides = readSettingOverrides(config.environment);
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const keys =
    options.encryptionKeys ?? (config.encryptionKey ? [config.encryptionKey] : readKeys(() => loadOrCreateKeyFile(config.dataDir)));
  const clock = options.clock ?? systemClock;
  const cipher = new FieldCipher(keys);
  const db = await openDatabase(config.databaseUrl, cipher);
  // The email indexes and token signatures keep their key when a new key is added first for new ciphertext.
  const indexKey = await indexKeyOf(db, keys).catch(async (error: unknown) => {
    await db.close();
    throw error;
  });
  return {
    config,
    db,
    cipher,
    blindIndex: new BlindIndex(indexKey),
    clock,
    logger: options.logger ?? createLogger(config.logLevel),
    settings: new PracticeSettings(db, settingOverrides),
    outbox: new Outbox(db, clock),
    tokens: new TokenSigner(indexKey, clock, config),
  };
}
