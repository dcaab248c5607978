// A day on which no appointment can be requested (holiday, leave); its note is encrypted (it may say why).
import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';
import type { FieldCipher } from '../../crypto/field-cipher.js';
import { encryptedAttribute } from '../encrypted-attribute.js';

export interface BlockedDateAttributes {
  /** YYYY-MM-DD in the practice time zone. */
  day: string;
  note: string | null;
  created_at: Date;
}

export interface BlockedDateInstance extends Model<BlockedDateAttributes, Optional<BlockedDateAttributes, 'note'>>, BlockedDateAttributes {}

export type BlockedDateModel = ModelStatic<BlockedDateInstance>;

export function defineBlockedDate(sequelize: Sequelize, cipher: FieldCipher): BlockedDateModel {
  return sequelize.define<BlockedDateInstance>(
    'BlockedDate',
    {
      day: { type: DataTypes.STRING(10), primaryKey: true },
      note: encryptedAttribute(cipher, 'blocked_dates', 'note', true),
      created_at: { type: DataTypes.DATE, allowNull: false },
    },
    { tableName: 'blocked_dates', timestamps: false },
  );
}
