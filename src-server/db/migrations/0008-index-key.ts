// Records which master key the blind indexes and token signatures are derived from (see db/index-key.ts).
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.createTable('index_key', {
    // One row; a fixed key keeps it one.
    id: { type: DataTypes.INTEGER, primaryKey: true },
    key_id: { type: DataTypes.STRING(16), allowNull: false },
  });
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.dropTable('index_key');
}
