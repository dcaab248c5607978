// Slots and the calendar (lifecycle contract §2): working hours on the weekly availability, the slot a pending request
// holds (unique while pending, so two requests can never hold one start), recurring series, the client's time zone and
// the staff's private calendar feed tokens (stored hashed).
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up(queryInterface: QueryInterface): Promise<void> {
  // null hours: 09:00–17:00 on each of available_days (what every existing row meant).
  await queryInterface.addColumn('weekly_availability', 'hours', { type: DataTypes.TEXT, allowNull: true });
  await queryInterface.addColumn('weekly_availability', 'session_minutes', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 50 });
  await queryInterface.addColumn('weekly_availability', 'buffer_minutes', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 10 });
  await queryInterface.addColumn('weekly_availability', 'min_notice_hours', {
    type: DataTypes.INTEGER,
    allowNull: false,
    defaultValue: 24,
  });
  await queryInterface.addColumn('weekly_availability', 'booking_horizon_days', {
    type: DataTypes.INTEGER,
    allowNull: false,
    defaultValue: 30,
  });
  // A request for a free slot is scheduled at once (as on Cal.com) instead of waiting for the therapist.
  await queryInterface.addColumn('weekly_availability', 'auto_confirm', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false });

  await queryInterface.addColumn('appointments', 'requested_start', { type: DataTypes.DATE, allowNull: true });
  // requested_start while the request is pending, else null: the database itself refuses a second hold of one start.
  await queryInterface.addColumn('appointments', 'held_start', { type: DataTypes.DATE, allowNull: true });
  await queryInterface.addIndex('appointments', ['held_start'], { unique: true, name: 'appointments_held_start_unique' });
  await queryInterface.addColumn('appointments', 'series_id', { type: DataTypes.UUID, allowNull: true });
  await queryInterface.addIndex('appointments', ['series_id', 'scheduled_datetime']);
  // The calendar feed keeps cancelled sessions for 30 days: found by when they were cancelled.
  await queryInterface.addIndex('appointments', ['status', 'cancelled_at']);

  await queryInterface.addColumn('users', 'time_zone', { type: DataTypes.STRING(64), allowNull: true });

  await queryInterface.createTable('calendar_feeds', {
    user_id: { type: DataTypes.UUID, primaryKey: true, references: { model: 'users', key: 'id' }, onDelete: 'CASCADE' },
    token_hash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    // Encrypted, so settings can show its owner the URL again; requests are matched by the hash alone.
    token: { type: DataTypes.TEXT, allowNull: false },
    // Off: events name the client by initials only.
    full_names: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.dropTable('calendar_feeds');
  await queryInterface.removeColumn('users', 'time_zone');
  await queryInterface.removeIndex('appointments', ['status', 'cancelled_at']);
  await queryInterface.removeIndex('appointments', ['series_id', 'scheduled_datetime']);
  await queryInterface.removeColumn('appointments', 'series_id');
  await queryInterface.removeIndex('appointments', 'appointments_held_start_unique');
  for (const column of ['held_start', 'requested_start']) await queryInterface.removeColumn('appointments', column);
  for (const column of ['auto_confirm', 'booking_horizon_days', 'min_notice_hours', 'buffer_minutes', 'session_minutes', 'hours']) {
    await queryInterface.removeColumn('weekly_availability', column);
  }
}
