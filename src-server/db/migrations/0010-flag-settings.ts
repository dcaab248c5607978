// auto_confirm and feed_full_names become practice settings (lifecycle contract §2 calls them settings): their values
// move from the weekly availability row and the calendar feed rows into practice_settings, one place to keep them.
import { DataTypes, QueryTypes, type QueryInterface } from 'sequelize';
import type { FieldCipher } from '../../crypto/field-cipher.js';

const SETTINGS_CONTEXT = 'practice_settings.value';

async function storedFlag(queryInterface: QueryInterface, cipher: FieldCipher, key: string): Promise<boolean> {
  const rows = await queryInterface.sequelize.query<{ value: string }>('SELECT value FROM practice_settings WHERE key = :key', {
    type: QueryTypes.SELECT,
    replacements: { key },
  });
  return rows.length > 0 && cipher.decrypt(rows[0].value, SETTINGS_CONTEXT) === 'true';
}

export async function up(queryInterface: QueryInterface, cipher: FieldCipher): Promise<void> {
  const { sequelize } = queryInterface;
  const autoConfirm = await sequelize.query<{ id: number }>('SELECT id FROM weekly_availability WHERE auto_confirm = :on', {
    type: QueryTypes.SELECT,
    replacements: { on: true },
  });
  // Feeds were per staff member; a practice has one therapist, so any feed showing full names turns the setting on.
  const fullNames = await sequelize.query<{ user_id: string }>('SELECT user_id FROM calendar_feeds WHERE full_names = :on', {
    type: QueryTypes.SELECT,
    replacements: { on: true },
  });
  const settings = [...(autoConfirm.length > 0 ? ['auto_confirm'] : []), ...(fullNames.length > 0 ? ['feed_full_names'] : [])].map(
    (key) => ({ key, value: cipher.encrypt('true', SETTINGS_CONTEXT), updated_at: new Date() }),
  );
  if (settings.length > 0) await queryInterface.bulkInsert('practice_settings', settings);
  // Plain DROP COLUMN (SQLite 3.35+ and PostgreSQL): Sequelize's SQLite removeColumn rebuilds the table and would lose
  // the feed's ON DELETE CASCADE.
  await sequelize.query('ALTER TABLE weekly_availability DROP COLUMN auto_confirm');
  await sequelize.query('ALTER TABLE calendar_feeds DROP COLUMN full_names');
}

export async function down(queryInterface: QueryInterface, cipher: FieldCipher): Promise<void> {
  await queryInterface.addColumn('weekly_availability', 'auto_confirm', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false });
  await queryInterface.addColumn('calendar_feeds', 'full_names', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false });
  if (await storedFlag(queryInterface, cipher, 'auto_confirm'))
    await queryInterface.bulkUpdate('weekly_availability', { auto_confirm: true }, {});
  if (await storedFlag(queryInterface, cipher, 'feed_full_names'))
    await queryInterface.bulkUpdate('calendar_feeds', { full_names: true }, {});
  await queryInterface.bulkDelete('practice_settings', { key: ['auto_confirm', 'feed_full_names'] });
}
