// The client record and billing: client fee overrides, session notes and addenda (encrypted), the audit log, invoices.
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.createTable('client_profiles', {
    user_id: { type: DataTypes.UUID, primaryKey: true, references: { model: 'users', key: 'id' }, onDelete: 'CASCADE' },
    fee: { type: DataTypes.STRING(20), allowNull: true },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });

  await queryInterface.createTable('session_notes', {
    id: { type: DataTypes.UUID, primaryKey: true },
    appointment_id: {
      type: DataTypes.UUID,
      allowNull: false,
      unique: true,
      references: { model: 'appointments', key: 'id' },
      onDelete: 'CASCADE',
    },
    template: { type: DataTypes.STRING(8), allowNull: false },
    fields: { type: DataTypes.TEXT, allowNull: false },
    signed_at: { type: DataTypes.DATE, allowNull: true },
    signed_by: { type: DataTypes.UUID, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });

  await queryInterface.createTable('note_addenda', {
    id: { type: DataTypes.UUID, primaryKey: true },
    note_id: { type: DataTypes.UUID, allowNull: false, references: { model: 'session_notes', key: 'id' }, onDelete: 'CASCADE' },
    author_id: { type: DataTypes.UUID, allowNull: true },
    text: { type: DataTypes.TEXT, allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await queryInterface.addIndex('note_addenda', ['note_id', 'created_at']);

  await queryInterface.createTable('audit_events', {
    // A rising number, so "newest first" is the order of the writes even when two share a timestamp.
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    actor_id: { type: DataTypes.UUID, allowNull: true },
    action: { type: DataTypes.STRING(40), allowNull: false },
    record_type: { type: DataTypes.STRING(40), allowNull: false },
    record_id: { type: DataTypes.STRING(64), allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });

  await queryInterface.createTable('invoices', {
    id: { type: DataTypes.UUID, primaryKey: true },
    client_id: { type: DataTypes.UUID, allowNull: false, references: { model: 'users', key: 'id' }, onDelete: 'CASCADE' },
    status: { type: DataTypes.STRING(8), allowNull: false },
    number: { type: DataTypes.STRING(16), allowNull: true, unique: true },
    currency: { type: DataTypes.STRING(3), allowNull: false },
    total_minor: { type: DataTypes.BIGINT, allowNull: false },
    issued_at: { type: DataTypes.DATE, allowNull: true },
    paid_on: { type: DataTypes.STRING(10), allowNull: true },
    voided_at: { type: DataTypes.DATE, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await queryInterface.addIndex('invoices', ['client_id', 'created_at']);
  await queryInterface.addIndex('invoices', ['status', 'created_at']);

  await queryInterface.createTable('invoice_lines', {
    id: { type: DataTypes.UUID, primaryKey: true },
    invoice_id: { type: DataTypes.UUID, allowNull: false, references: { model: 'invoices', key: 'id' }, onDelete: 'CASCADE' },
    appointment_id: { type: DataTypes.UUID, allowNull: false, references: { model: 'appointments', key: 'id' }, onDelete: 'CASCADE' },
    position: { type: DataTypes.INTEGER, allowNull: false },
    kind: { type: DataTypes.STRING(20), allowNull: false },
    session_start: { type: DataTypes.DATE, allowNull: false },
    duration_minutes: { type: DataTypes.INTEGER, allowNull: false },
    amount_minor: { type: DataTypes.BIGINT, allowNull: false },
  });
  await queryInterface.addIndex('invoice_lines', ['invoice_id', 'position']);
  await queryInterface.addIndex('invoice_lines', ['appointment_id']);

  await queryInterface.createTable('invoice_counters', {
    year: { type: DataTypes.INTEGER, primaryKey: true },
    last_number: { type: DataTypes.INTEGER, allowNull: false },
  });
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  for (const table of [
    'invoice_counters',
    'invoice_lines',
    'invoices',
    'audit_events',
    'note_addenda',
    'session_notes',
    'client_profiles',
  ]) {
    await queryInterface.dropTable(table);
  }
}
