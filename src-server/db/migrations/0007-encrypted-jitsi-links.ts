// The session's Jitsi room id and link are its only credential: stored encrypted like the other personal fields.
import { QueryTypes, type QueryInterface } from 'sequelize';
import type { FieldCipher } from '../../crypto/field-cipher.js';

const COLUMNS = ['jitsi_room_id', 'jitsi_meet_url'] as const;

type JitsiRow = { id: string } & Record<(typeof COLUMNS)[number], string | null>;

/** Rewrites every stored room id and link with `transform`, in one transaction (values already in the target form stay). */
async function rewriteLinks(queryInterface: QueryInterface, transform: (value: string, context: string) => string | null): Promise<void> {
  const { sequelize } = queryInterface;
  await sequelize.transaction(async (transaction) => {
    const rows = await sequelize.query<JitsiRow>(
      'SELECT id, jitsi_room_id, jitsi_meet_url FROM appointments WHERE jitsi_room_id IS NOT NULL OR jitsi_meet_url IS NOT NULL',
      {
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    for (const row of rows) {
      const changes: Record<string, string> = {};
      for (const column of COLUMNS) {
        const value = row[column];
        const rewritten = value === null ? null : transform(value, `appointments.${column}`);
        if (rewritten !== null) changes[column] = rewritten;
      }
      if (Object.keys(changes).length > 0) await queryInterface.bulkUpdate('appointments', changes, { id: row.id }, { transaction });
    }
  });
}

const isEncrypted = (value: string) => value.startsWith('enc1:');

export async function up(queryInterface: QueryInterface, cipher: FieldCipher): Promise<void> {
  // A ciphertext is longer than the 64 characters of the old column; SQLite does not enforce lengths.
  if (queryInterface.sequelize.getDialect() === 'postgres')
    await queryInterface.sequelize.query('ALTER TABLE appointments ALTER COLUMN jitsi_room_id TYPE TEXT');
  await rewriteLinks(queryInterface, (value, context) => (isEncrypted(value) ? null : cipher.encrypt(value, context)));
}

export async function down(queryInterface: QueryInterface, cipher: FieldCipher): Promise<void> {
  await rewriteLinks(queryInterface, (value, context) => (isEncrypted(value) ? cipher.decrypt(value, context) : null));
  if (queryInterface.sequelize.getDialect() === 'postgres')
    await queryInterface.sequelize.query('ALTER TABLE appointments ALTER COLUMN jitsi_room_id TYPE VARCHAR(64)');
}
