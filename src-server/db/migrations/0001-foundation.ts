// Users, stored practice settings and the mail outbox.
import { DataTypes, type QueryInterface } from 'sequelize';

const timestamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
};

export async function up(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.createTable('users', {
    id: { type: DataTypes.UUID, primaryKey: true },
    email: { type: DataTypes.TEXT, allowNull: false },
    email_index: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    password_hash: { type: DataTypes.TEXT, allowNull: false },
    first_name: { type: DataTypes.TEXT, allowNull: false },
    last_name: { type: DataTypes.TEXT, allowNull: false },
    phone_number: { type: DataTypes.TEXT, allowNull: true },
    is_active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    is_staff: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    is_verified: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    date_joined: { type: DataTypes.DATE, allowNull: false },
    last_login: { type: DataTypes.DATE, allowNull: true },
    token_version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    ...timestamps,
  });
  await queryInterface.addIndex('users', ['is_staff']);
  await queryInterface.addIndex('users', ['date_joined']);

  await queryInterface.createTable('practice_settings', {
    key: { type: DataTypes.STRING(64), primaryKey: true },
    value: { type: DataTypes.TEXT, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });

  await queryInterface.createTable('outbox_mails', {
    id: { type: DataTypes.UUID, primaryKey: true },
    recipient: { type: DataTypes.TEXT, allowNull: false },
    subject: { type: DataTypes.TEXT, allowNull: false },
    body: { type: DataTypes.TEXT, allowNull: true },
    status: { type: DataTypes.STRING(16), allowNull: false },
    attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    last_error: { type: DataTypes.TEXT, allowNull: true },
    next_attempt_at: { type: DataTypes.DATE, allowNull: false },
    sent_at: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  await queryInterface.addIndex('outbox_mails', ['status', 'next_attempt_at']);
  await queryInterface.addIndex('outbox_mails', ['created_at']);
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.dropTable('outbox_mails');
  await queryInterface.dropTable('practice_settings');
  await queryInterface.dropTable('users');
}
