// Which master key the blind indexes (email search) and token signatures derive from, recorded in the database:
// adding a key for new ciphertext then changes neither an email's index nor a token, and a restored backup names its key.
import { QueryTypes, type Transaction } from 'sequelize';
import { ConfigError } from '../config.js';
import { keyId } from '../crypto/keys.js';
import type { Database } from './database.js';

const ROW_ID = 1;

async function recordedKeyId(db: Database): Promise<string | null> {
  const rows = await db.sequelize.query<{ key_id: string }>('SELECT key_id FROM index_key WHERE id = :id', {
    type: QueryTypes.SELECT,
    replacements: { id: ROW_ID },
  });
  return rows[0]?.key_id ?? null;
}

/**
 * The key of `keys` that the stored indexes were made with. The first start records the current key (the one an
 * older version always used); a recorded key that is not among `keys` stops the start rather than lock everyone out.
 */
export async function indexKeyOf(db: Database, keys: Buffer[]): Promise<Buffer> {
  const recorded = await recordedKeyId(db);
  if (recorded === null) {
    await db.write((transaction) => recordIndexKey(db, keys[0], transaction));
    return keys[0];
  }
  const key = keys.find((candidate) => keyId(candidate) === recorded);
  if (!key) {
    throw new ConfigError(
      `The database's email search and sign-in tokens were made with encryption key ${recorded}, which is not among the keys given ` +
        `(${keys.map(keyId).join(', ')}): put that key back as a line of the key file (or ENCRYPTION_KEY)`,
    );
  }
  return key;
}

/** From now on (once `transaction` commits) the indexes and tokens derive from `key`. */
export async function recordIndexKey(db: Database, key: Buffer, transaction: Transaction): Promise<void> {
  const queryInterface = db.sequelize.getQueryInterface();
  await queryInterface.bulkDelete('index_key', { id: ROW_ID }, { transaction });
  await queryInterface.bulkInsert('index_key', [{ id: ROW_ID, key_id: keyId(key) }], { transaction });
}
