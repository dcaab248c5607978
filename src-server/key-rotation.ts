// Rotating the master key: every encrypted value re-encrypted and every blind index re-computed under a new key, in one transaction.
import { QueryTypes, type Transaction } from 'sequelize';
import { USER_EMAIL_INDEX } from './core.js';
import { BlindIndex } from './crypto/blind-index.js';
import { FieldCipher } from './crypto/field-cipher.js';
import type { Database } from './db/database.js';
import { recordIndexKey } from './db/index-key.js';
import { APPOINTMENT_EMAIL_INDEX } from './db/models/appointment.js';

/** How encryptedAttribute stores a value; the context of a value is `table.column`. */
const CIPHERTEXT_PREFIX = 'enc1:';

/** Columns holding the blind index of another (encrypted) column of the same row: re-computed from its plain text. */
export const RECOMPUTED_INDEXES: { table: string; column: string; source: string; purpose: string }[] = [
  { table: 'users', column: 'email_index', source: 'email', purpose: USER_EMAIL_INDEX },
  { table: 'appointments', column: 'email_index', source: 'email', purpose: APPOINTMENT_EMAIL_INDEX },
];

/**
 * Tables keyed by keyed hashes of values the database does not keep (one-time codes, addresses without an account)
 * or by tokens the old key signed: emptied. Pending codes must be asked for again, throttles start over, and every
 * session ends (the tokens were signed with the old key; a leaked key must not keep them alive).
 */
export const CLEARED_TABLES = ['otp_codes', 'auth_code_limits', 'refresh_tokens'];

export interface RotationSummary {
  valuesReencrypted: number;
  indexesRecomputed: number;
  rowsCleared: number;
}

type Row = Record<string, unknown>;

/**
 * Re-encrypts every stored ciphertext under `newKey`, re-computes the blind indexes with it and records it as the
 * index key, all in one transaction: a failure leaves the database exactly as it was (still readable with `oldKeys`).
 * The caller stores the key before (beside the old ones) and drops the old ones after the commit.
 */
export async function rotateEncryptionKey(db: Database, oldKeys: Buffer[], newKey: Buffer): Promise<RotationSummary> {
  const cipher = new FieldCipher([newKey, ...oldKeys]);
  const index = new BlindIndex(newKey);
  const summary: RotationSummary = { valuesReencrypted: 0, indexesRecomputed: 0, rowsCleared: 0 };
  const tables = new Map(
    Object.values(db.sequelize.models).map((model) => [tableNameOf(model.getTableName()), model.primaryKeyAttributes]),
  );
  await db.write(async (transaction) => {
    for (const [table, primaryKey] of tables) {
      if (CLEARED_TABLES.includes(table)) {
        summary.rowsCleared += await clearTable(db, table, transaction);
        continue;
      }
      const indexes = RECOMPUTED_INDEXES.filter((entry) => entry.table === table);
      for (const row of await selectAll(db, table, transaction)) {
        const changes: Row = {};
        for (const [column, value] of Object.entries(row)) {
          if (typeof value !== 'string' || !value.startsWith(CIPHERTEXT_PREFIX)) continue;
          const context = `${table}.${column}`;
          const plain = cipher.decrypt(value, context);
          changes[column] = cipher.encrypt(plain, context);
          summary.valuesReencrypted += 1;
          for (const entry of indexes.filter((candidate) => candidate.source === column)) {
            changes[entry.column] = index.of(plain, entry.purpose);
            summary.indexesRecomputed += 1;
          }
        }
        if (Object.keys(changes).length === 0) continue;
        const where = Object.fromEntries(primaryKey.map((column) => [column, row[column]]));
        await db.sequelize.getQueryInterface().bulkUpdate(table, changes, where, { transaction });
      }
    }
    await recordIndexKey(db, newKey, transaction);
  });
  return summary;
}

function tableNameOf(name: string | { tableName: string }): string {
  return typeof name === 'string' ? name : name.tableName;
}

function selectAll(db: Database, table: string, transaction: Transaction): Promise<Row[]> {
  return db.sequelize.query<Row>(`SELECT * FROM ${db.sequelize.getQueryInterface().quoteIdentifier(table)}`, {
    type: QueryTypes.SELECT,
    transaction,
  });
}

async function clearTable(db: Database, table: string, transaction: Transaction): Promise<number> {
  const [{ count }] = await db.sequelize.query<{ count: number | string }>(
    `SELECT COUNT(*) AS count FROM ${db.sequelize.getQueryInterface().quoteIdentifier(table)}`,
    { type: QueryTypes.SELECT, transaction },
  );
  await db.sequelize.getQueryInterface().bulkDelete(table, {}, { transaction });
  return Number(count);
}
