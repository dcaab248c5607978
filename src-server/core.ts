// What every feature is built from: configuration, database, crypto, clock, logger, outbox. A feature whose service
// the others share adds it here by declaration merging (`settings` in settings/practice-settings.ts, `tokens` in
// auth/tokens.ts): the core sits below the features and imports none of them.
import type { Clock } from './clock.js';
import type { ServerConfig } from './config.js';
import type { BlindIndex } from './crypto/blind-index.js';
import type { FieldCipher } from './crypto/field-cipher.js';
import type { Database } from './db/database.js';
import type { Logger } from './logger.js';
import type { Outbox } from './mail/outbox.js';

export interface ServerCore {
  config: ServerConfig;
  db: Database;
  cipher: FieldCipher;
  blindIndex: BlindIndex;
  clock: Clock;
  logger: Logger;
  outbox: Outbox;
}

/** The blind-index purpose of account emails; appointments use their own. */
export const USER_EMAIL_INDEX = 'users.email';
