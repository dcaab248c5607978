// One row of the audit log: who did what to which record, when. Ids and action names only, never personal data.
import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';

export interface AuditEventAttributes {
  id: number;
  actor_id: string | null;
  action: string;
  record_type: string;
  record_id: string;
  created_at: Date;
}

export interface AuditEventInstance extends Model<AuditEventAttributes, Optional<AuditEventAttributes, 'id'>>, AuditEventAttributes {}

export type AuditEventModel = ModelStatic<AuditEventInstance>;

export function defineAuditEvent(sequelize: Sequelize): AuditEventModel {
  return sequelize.define<AuditEventInstance>(
    'AuditEvent',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      // No foreign key: the log outlives deleted accounts and records.
      actor_id: { type: DataTypes.UUID, allowNull: true },
      action: { type: DataTypes.STRING(40), allowNull: false },
      record_type: { type: DataTypes.STRING(40), allowNull: false },
      record_id: { type: DataTypes.STRING(64), allowNull: false },
      created_at: { type: DataTypes.DATE, allowNull: false },
    },
    { tableName: 'audit_events', timestamps: false },
  );
}
