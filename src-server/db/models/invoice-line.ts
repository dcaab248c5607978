// One billed session on an invoice, as it was when billed: date, duration, service and amount in minor units.
import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';

export const BILLABLE_KINDS = ['session', 'late_cancellation', 'no_show'] as const;
export type BillableKind = (typeof BILLABLE_KINDS)[number];

export interface InvoiceLineAttributes {
  id: string;
  invoice_id: string;
  appointment_id: string;
  position: number;
  kind: BillableKind;
  session_start: Date;
  duration_minutes: number;
  amount_minor: number;
}

export interface InvoiceLineInstance extends Model<InvoiceLineAttributes, Optional<InvoiceLineAttributes, 'id'>>, InvoiceLineAttributes {}

export type InvoiceLineModel = ModelStatic<InvoiceLineInstance>;

export function defineInvoiceLine(sequelize: Sequelize): InvoiceLineModel {
  return sequelize.define<InvoiceLineInstance>(
    'InvoiceLine',
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      invoice_id: { type: DataTypes.UUID, allowNull: false },
      appointment_id: { type: DataTypes.UUID, allowNull: false },
      position: { type: DataTypes.INTEGER, allowNull: false },
      kind: { type: DataTypes.STRING(20), allowNull: false },
      session_start: { type: DataTypes.DATE, allowNull: false },
      duration_minutes: { type: DataTypes.INTEGER, allowNull: false },
      amount_minor: {
        type: DataTypes.BIGINT,
        allowNull: false,
        get(this: Model) {
          return Number(this.getDataValue('amount_minor'));
        },
      },
    },
    { tableName: 'invoice_lines', timestamps: false },
  );
}
