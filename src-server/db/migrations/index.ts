// The ordered list of schema migrations. Listed by hand (not globbed) so the bundled desktop app carries them.
import type { QueryInterface } from 'sequelize';
import type { FieldCipher } from '../../crypto/field-cipher.js';
import * as foundation from './0001-foundation.js';
import * as auth from './0002-auth.js';
import * as meetings from './0003-meetings.js';
import * as clientRecord from './0006-client-record.js';
import * as authCodeLimits from './0004-auth-code-limits.js';
import * as encryptedJitsiLinks from './0007-encrypted-jitsi-links.js';
import * as indexKey from './0008-index-key.js';
import * as sessionLifecycle from './0005-session-lifecycle.js';
import * as slotsAndCalendar from './0009-slots-and-calendar.js';
import * as flagSettings from './0010-flag-settings.js';
import * as statsCoveringIndexes from './0011-stats-covering-indexes.js';

export interface Migration {
  name: string;
  /** @param cipher for a migration that encrypts (or decrypts) values already stored. */
  up(queryInterface: QueryInterface, cipher: FieldCipher): Promise<void>;
  down(queryInterface: QueryInterface, cipher: FieldCipher): Promise<void>;
}

export const MIGRATIONS: Migration[] = [
  { name: '0001-foundation', ...foundation },
  { name: '0002-auth', ...auth },
  { name: '0003-meetings', ...meetings },
  { name: '0004-auth-code-limits', ...authCodeLimits },
  { name: '0005-session-lifecycle', ...sessionLifecycle },
  { name: '0006-client-record', ...clientRecord },
  { name: '0007-encrypted-jitsi-links', ...encryptedJitsiLinks },
  { name: '0008-index-key', ...indexKey },
  { name: '0009-slots-and-calendar', ...slotsAndCalendar },
  { name: '0010-flag-settings', ...flagSettings },
  { name: '0011-stats-covering-indexes', ...statsCoveringIndexes },
];
