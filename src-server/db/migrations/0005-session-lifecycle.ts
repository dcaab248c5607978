// The session lifecycle: cancellation, attendance, reschedule requests and calendar sequence on appointments;
// delivery windows (reminders), a reference for withdrawing them and the claiming worker on outbox mails.
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.addColumn('appointments', 'cancelled_at', { type: DataTypes.DATE, allowNull: true });
  await queryInterface.addColumn('appointments', 'cancelled_by', { type: DataTypes.STRING(16), allowNull: true });
  await queryInterface.addColumn('appointments', 'cancellation_reason', { type: DataTypes.TEXT, allowNull: true });
  await queryInterface.addColumn('appointments', 'late_cancellation', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false });
  await queryInterface.addColumn('appointments', 'attendance', { type: DataTypes.STRING(16), allowNull: true });
  await queryInterface.addColumn('appointments', 'reschedule_of', { type: DataTypes.UUID, allowNull: true });
  // The .ics SEQUENCE of the session's calendar event: every mail about a change carries a higher one.
  await queryInterface.addColumn('appointments', 'ics_sequence', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });
  await queryInterface.addIndex('appointments', ['reschedule_of', 'status']);

  await queryInterface.addColumn('outbox_mails', 'not_before', { type: DataTypes.DATE, allowNull: true });
  await queryInterface.addColumn('outbox_mails', 'not_after', { type: DataTypes.DATE, allowNull: true });
  await queryInterface.addColumn('outbox_mails', 'reference', { type: DataTypes.STRING(80), allowNull: true });
  // The delivery worker that claimed a mail being sent: another one takes it over only once the claim is stale.
  await queryInterface.addColumn('outbox_mails', 'claimed_by', { type: DataTypes.STRING(36), allowNull: true });
  await queryInterface.addIndex('outbox_mails', ['reference', 'status']);
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.removeIndex('outbox_mails', ['reference', 'status']);
  for (const column of ['claimed_by', 'reference', 'not_after', 'not_before']) await queryInterface.removeColumn('outbox_mails', column);
  await queryInterface.removeIndex('appointments', ['reschedule_of', 'status']);
  for (const column of [
    'ics_sequence',
    'reschedule_of',
    'attendance',
    'late_cancellation',
    'cancellation_reason',
    'cancelled_by',
    'cancelled_at',
  ]) {
    await queryInterface.removeColumn('appointments', column);
  }
}
