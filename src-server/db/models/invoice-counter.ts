// The last invoice number given out per year: read and raised in the issuing transaction, so numbers have no gaps.
import { DataTypes, type Model, type ModelStatic, type Sequelize } from 'sequelize';

export interface InvoiceCounterAttributes {
  year: number;
  last_number: number;
}

export interface InvoiceCounterInstance extends Model<InvoiceCounterAttributes>, InvoiceCounterAttributes {}

export type InvoiceCounterModel = ModelStatic<InvoiceCounterInstance>;

export function defineInvoiceCounter(sequelize: Sequelize): InvoiceCounterModel {
  return sequelize.define<InvoiceCounterInstance>(
    'InvoiceCounter',
    {
      year: { type: DataTypes.INTEGER, primaryKey: true },
      last_number: { type: DataTypes.INTEGER, allowNull: false },
    },
    { tableName: 'invoice_counters', timestamps: false },
  );
}
