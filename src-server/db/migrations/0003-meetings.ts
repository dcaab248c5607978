// Appointment requests (personal fields encrypted, email searchable by blind index), weekly availability, blocked dates.
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.createTable('appointments', {
    id: { type: DataTypes.UUID, primaryKey: true },
    user_id: { type: DataTypes.UUID, allowNull: false, references: { model: 'users', key: 'id' }, onDelete: 'CASCADE' },
    first_name: { type: DataTypes.TEXT, allowNull: false },
    last_name: { type: DataTypes.TEXT, allowNull: false },
    email: { type: DataTypes.TEXT, allowNull: false },
    email_index: { type: DataTypes.STRING(64), allowNull: false },
    phone: { type: DataTypes.TEXT, allowNull: true },
    reason: { type: DataTypes.TEXT, allowNull: true },
    preferred_dates: { type: DataTypes.TEXT, allowNull: false },
    preferred_time_slots: { type: DataTypes.TEXT, allowNull: false },
    status: { type: DataTypes.STRING(16), allowNull: false },
    scheduled_datetime: { type: DataTypes.DATE, allowNull: true },
    scheduled_end: { type: DataTypes.DATE, allowNull: true },
    scheduled_duration: { type: DataTypes.INTEGER, allowNull: true },
    rejection_reason: { type: DataTypes.TEXT, allowNull: true },
    jitsi_room_id: { type: DataTypes.STRING(64), allowNull: true, unique: true },
    jitsi_meet_url: { type: DataTypes.TEXT, allowNull: true },
    decided_at: { type: DataTypes.DATE, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await queryInterface.addIndex('appointments', ['created_at']);
  await queryInterface.addIndex('appointments', ['user_id', 'created_at']);
  await queryInterface.addIndex('appointments', ['email_index', 'created_at']);
  await queryInterface.addIndex('appointments', ['status', 'created_at']);
  // Overlap checks look at the few sessions ending after the new start, within the index alone.
  await queryInterface.addIndex('appointments', ['status', 'scheduled_end', 'scheduled_datetime']);
  // Covering indexes for the stats: narrow index entries are counted instead of the wide encrypted rows.
  await queryInterface.addIndex('appointments', ['user_id', 'status', 'scheduled_end']);
  await queryInterface.addIndex('appointments', ['status', 'scheduled_datetime', 'user_id']);
  await queryInterface.addIndex('appointments', ['status', 'decided_at', 'user_id']);

  await queryInterface.createTable('weekly_availability', {
    id: { type: DataTypes.INTEGER, primaryKey: true },
    available_days: { type: DataTypes.TEXT, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });

  await queryInterface.createTable('blocked_dates', {
    day: { type: DataTypes.STRING(10), primaryKey: true },
    note: { type: DataTypes.TEXT, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.dropTable('blocked_dates');
  await queryInterface.dropTable('weekly_availability');
  await queryInterface.dropTable('appointments');
}
