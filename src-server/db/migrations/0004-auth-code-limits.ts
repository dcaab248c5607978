// Per-address limits on one-time codes (wrong guesses, new codes, back-off) that survive a restart, and the access token of each refresh token (logout ends both).
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.createTable('auth_code_limits', {
    email_index: { type: DataTypes.STRING(64), primaryKey: true },
    window_start: { type: DataTypes.DATE, allowNull: false },
    wrong_guesses: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    codes_sent: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    locked_until: { type: DataTypes.DATE, allowNull: true },
    owner_notified: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await queryInterface.addColumn('refresh_tokens', 'access_jti', { type: DataTypes.STRING(64), allowNull: true });
  await queryInterface.addIndex('refresh_tokens', ['access_jti']);
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.removeIndex('refresh_tokens', ['access_jti']);
  await queryInterface.removeColumn('refresh_tokens', 'access_jti');
  await queryInterface.dropTable('auth_code_limits');
}
