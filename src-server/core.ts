// What every feature is built from: configuration, database, crypto, clock, logger, settings, outbox, tokens.
import type { Clock } from './clock.js';
import type { ServerConfig } from './config.js';
import type { BlindIndex } from './crypto/blind-index.js';
import type { FieldCipher } from './crypto/field-cipher.js';
import type { Database } from './db/database.js';
import type { Logger } from './logger.js';
import type { Outbox } from './mail/outbox.js';
import type { PracticeSettings } from './settings/practice-settings.js';
import type { TokenSigner } from './auth/tokens.js';

export interface ServerCore {
  config: ServerConfig;
  db: Database;
  cipher: FieldCipher;
  blindIndex: BlindIndex;
  clock: Clock;
  logger: Logger;
  settings: PracticeSettings;
  outbox: Outbox;
  tokens: TokenSigner;
}

/** The blind-index purpose of account emails; appointments use their own. */
export const USER_EMAIL_INDEX = 'users.email';
