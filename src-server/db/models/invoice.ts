// An invoice to one client: draft, then issued with its yearly number, then paid or void. Amounts in minor units.
import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';

export const INVOICE_STATUSES = ['draft', 'issued', 'paid', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export interface InvoiceAttributes {
  id: string;
  client_id: string;
  status: InvoiceStatus;
  /** `2026-0001`, set when issued; a voided invoice keeps its number, so it is never given out again. */
  number: string | null;
  currency: string;
  total_minor: number;
  issued_at: Date | null;
  /** YYYY-MM-DD, the day the practice received the payment. */
  paid_on: string | null;
  voided_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

type InvoiceCreation = Optional<InvoiceAttributes, 'id' | 'number' | 'issued_at' | 'paid_on' | 'voided_at'>;

export interface InvoiceInstance extends Model<InvoiceAttributes, InvoiceCreation>, InvoiceAttributes {}

export type InvoiceModel = ModelStatic<InvoiceInstance>;

export function defineInvoice(sequelize: Sequelize): InvoiceModel {
  return sequelize.define<InvoiceInstance>(
    'Invoice',
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      client_id: { type: DataTypes.UUID, allowNull: false },
      status: { type: DataTypes.STRING(8), allowNull: false },
      number: { type: DataTypes.STRING(16), allowNull: true, unique: true },
      currency: { type: DataTypes.STRING(3), allowNull: false },
      total_minor: {
        type: DataTypes.BIGINT,
        allowNull: false,
        get(this: Model) {
          return Number(this.getDataValue('total_minor'));
        },
      },
      issued_at: { type: DataTypes.DATE, allowNull: true },
      paid_on: { type: DataTypes.STRING(10), allowNull: true },
      voided_at: { type: DataTypes.DATE, allowNull: true },
      created_at: { type: DataTypes.DATE, allowNull: false },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    },
    { tableName: 'invoices', timestamps: false },
  );
}
