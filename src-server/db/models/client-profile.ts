// What the practice keeps about a client beyond the account: for now the fee override that billing uses.
import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';

export interface ClientProfileAttributes {
  user_id: string;
  /** Decimal string in the practice currency ("80.00"); null: the practice's session fee applies. */
  fee: string | null;
  updated_at: Date;
}

export interface ClientProfileInstance
  extends Model<ClientProfileAttributes, Optional<ClientProfileAttributes, 'fee'>>, ClientProfileAttributes {}

export type ClientProfileModel = ModelStatic<ClientProfileInstance>;

export function defineClientProfile(sequelize: Sequelize): ClientProfileModel {
  return sequelize.define<ClientProfileInstance>(
    'ClientProfile',
    {
      user_id: { type: DataTypes.UUID, primaryKey: true },
      fee: { type: DataTypes.STRING(20), allowNull: true },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    },
    { tableName: 'client_profiles', timestamps: false },
  );
}
