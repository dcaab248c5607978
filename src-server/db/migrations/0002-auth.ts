// One-time codes and issued refresh tokens; both go with their user (ON DELETE CASCADE).
import { DataTypes, type QueryInterface } from 'sequelize';

const userReference = {
  type: DataTypes.UUID,
  allowNull: false,
  references: { model: 'users', key: 'id' },
  onDelete: 'CASCADE',
};

export async function up(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.createTable('otp_codes', {
    id: { type: DataTypes.UUID, primaryKey: true },
    user_id: userReference,
    purpose: { type: DataTypes.STRING(32), allowNull: false },
    salt: { type: DataTypes.STRING(32), allowNull: false },
    code_hash: { type: DataTypes.STRING(64), allowNull: false },
    attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    expires_at: { type: DataTypes.DATE, allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await queryInterface.addIndex('otp_codes', ['user_id', 'purpose']);

  await queryInterface.createTable('refresh_tokens', {
    jti: { type: DataTypes.STRING(64), primaryKey: true },
    user_id: userReference,
    family_id: { type: DataTypes.STRING(64), allowNull: false },
    expires_at: { type: DataTypes.DATE, allowNull: false },
    rotated_at: { type: DataTypes.DATE, allowNull: true },
    revoked_at: { type: DataTypes.DATE, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await queryInterface.addIndex('refresh_tokens', ['user_id']);
  await queryInterface.addIndex('refresh_tokens', ['family_id']);
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.dropTable('refresh_tokens');
  await queryInterface.dropTable('otp_codes');
}
