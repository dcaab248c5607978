// The stats' covering indexes (0003) stopped covering once 0005 added attendance and late cancellations: at a million
// appointments the totals read every row (SQLite 570 ms, PostgreSQL 530 ms) and the weekly attended and no-show
// counts every session of the 12 weeks (PostgreSQL 150 ms each). These carry those columns, so the counts read
// narrow index entries only; the totals group by (status, attendance, late_cancellation) in index order.
import type { QueryInterface } from 'sequelize';

/** Each old index, and its replacement with the columns the stats also count by (same leading columns). */
const REPLACED = [
  {
    old: ['user_id', 'status', 'scheduled_end'],
    fields: ['user_id', 'status', 'attendance', 'late_cancellation', 'scheduled_end'],
    name: 'appointments_stats_owner',
  },
  {
    old: ['status', 'scheduled_datetime', 'user_id'],
    fields: ['status', 'scheduled_datetime', 'user_id', 'attendance'],
    name: 'appointments_stats_sessions',
  },
  {
    old: ['status', 'cancelled_at'],
    fields: ['status', 'cancelled_at', 'user_id', 'late_cancellation'],
    name: 'appointments_stats_cancellations',
  },
];

/** The whole practice's totals (the owner's index leads with user_id, so it is not in their grouping order). */
const PRACTICE = { fields: ['status', 'attendance', 'late_cancellation', 'scheduled_end'], name: 'appointments_stats_practice' };

export async function up(queryInterface: QueryInterface): Promise<void> {
  for (const { old, fields, name } of REPLACED) {
    await queryInterface.addIndex('appointments', fields, { name });
    await queryInterface.removeIndex('appointments', old);
  }
  await queryInterface.addIndex('appointments', PRACTICE.fields, { name: PRACTICE.name });
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.removeIndex('appointments', PRACTICE.name);
  for (const { old, name } of REPLACED) {
    await queryInterface.addIndex('appointments', old);
    await queryInterface.removeIndex('appointments', name);
  }
}
